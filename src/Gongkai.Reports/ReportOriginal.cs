using Gongkai.Reports.Formats;
using Gongkai.Reports.Formats.Pdf;
using Gongkai.Reports.Reading;

namespace Gongkai.Reports;

/// <summary>
/// The original file of a report as a person checks a cell against it: a PDF's page as an image,
/// a text or Markdown file's lines as written, an HTML page's or a DOCX's tables row by row. The
/// places are those the cells carry (<see cref="Domain.Reports.CellSource"/>).
/// </summary>
public static class ReportOriginal
{
    /// <summary>A page of a PDF as PNG, <paramref name="width"/> pixels wide; null when the page cannot be drawn.</summary>
    public static byte[]? PageImage(byte[] pdf, int page, int width = 1200)
    {
        if (ReportFile.Sniff(pdf, out _) != ReportFormat.Pdf || page < 1)
            return null;
        var dir = Directory.CreateTempSubdirectory("gongkai-page-");
        try
        {
            var path = Path.Combine(dir.FullName, "report.pdf");
            File.WriteAllBytes(path, pdf);
            return Poppler.PagePng(path, page, width);
        }
        finally
        {
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Left to the system's cleaning.
            }
        }
    }

    /// <summary>The lines of a text or Markdown file as written, numbered from 1 as cells name them; null for other formats.</summary>
    public static IReadOnlyList<string>? Lines(byte[] bytes)
    {
        var format = Sniff(bytes, out var text);
        return format is ReportFormat.Text or ReportFormat.Markdown ? TextSource.Lines(text!) : null;
    }

    /// <summary>
    /// The rows of an HTML page's, a DOCX's or a Markdown file's HTML tables as read, with their
    /// places; null for other formats or a file that cannot be read.
    /// </summary>
    public static IReadOnlyList<SourceLine>? TableRows(byte[] bytes)
    {
        try
        {
            var document = Sniff(bytes, out var text) switch
            {
                ReportFormat.Html => HtmlSource.Read(text!),
                ReportFormat.Docx => DocxSource.Read(bytes),
                ReportFormat.Markdown => MarkdownSource.Read(text!),
                _ => null,
            };
            return document?.Lines.Where(l => l.IsRow && l.Place.Table is not null).ToList();
        }
        catch (ReportReadException)
        {
            return null;
        }
    }

    private static ReportFormat? Sniff(byte[] bytes, out string? text)
    {
        text = null;
        try
        {
            return bytes.Length == 0 ? null : ReportFile.Sniff(bytes, out text);
        }
        catch (ReportReadException)
        {
            return null;
        }
    }
}
