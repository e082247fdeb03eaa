using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Core.Security;
using Gongkai.Reports;
using Gongkai.Reports.Formats;
using Gongkai.Reports.Reading;

namespace Gongkai.Core.Catalogue;

/// <summary>An attachment's text, or why there is none (shown to the handler: the 错敏词 check did not read it).</summary>
public sealed record ExtractedText(string? Text, string? Note);

/// <summary>
/// Reads an attachment's text once, on upload: PDF with poppler and DOCX with OpenXml through the
/// report engine's readers (the same limits against hostile files), Excel's cells and OFD's text
/// objects directly. Images have no text to read without OCR.
/// </summary>
internal static class AttachmentText
{
    private const int MaxNote = 200;

    public static ExtractedText Extract(byte[] bytes, FileKind kind)
    {
        try
        {
            return kind switch
            {
                FileKind.Pdf => Lines(PdfSource.Read(bytes)),
                FileKind.Docx => Lines(DocxSource.Read(bytes)),
                FileKind.Xlsx => Found(Spreadsheet(bytes)),
                FileKind.Ofd => Found(Ofd(bytes)),
                FileKind.Png or FileKind.Jpeg => new ExtractedText(null, "图片中的文字不能自动读取，错敏词检查未覆盖此附件，请人工核对。"),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "只有受检的年度报告才可能是文本类文件，附件不会是。"),
            };
        }
        catch (ReportReadException e)
        {
            return new ExtractedText(null, Note(e.Message));
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or OpenXmlPackageException or FormatException)
        {
            return new ExtractedText(null, "文件已损坏，无法读取其中的文字，错敏词检查未覆盖此附件。");
        }
    }

    private static ExtractedText Lines(SourceDocument document) =>
        Found(string.Join('\n', document.Lines.Select(l => string.Join(' ', l.Cells.Where(c => c.Length > 0)))));

    private static ExtractedText Found(string text) =>
        string.IsNullOrWhiteSpace(text)
            ? new ExtractedText(null, "附件中没有可读取的文字，错敏词检查未覆盖此附件，请人工核对。")
            : new ExtractedText(text, null);

    private static string Note(string message) => message.Length <= MaxNote ? message : message[..MaxNote];

    /// <summary>Every cell's text, sheet by sheet (shared strings and inline strings).</summary>
    private static string Spreadsheet(byte[] bytes)
    {
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), isEditable: false);
        var sb = new StringBuilder();
        if (workbook.WorkbookPart?.SharedStringTablePart?.SharedStringTable is { } shared)
        {
            foreach (var item in shared.ChildElements) sb.Append(item.InnerText).Append('\n');
        }
        foreach (var sheet in workbook.WorkbookPart?.WorksheetParts ?? [])
        {
            foreach (var inline in sheet.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.InlineString>())
                sb.Append(inline.InnerText).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>OFD (GB/T 33190): the TextCode of every page's content, pages in order.</summary>
    private static string Ofd(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        var pages = zip.Entries
            .Where(e => e.FullName.EndsWith("/Content.xml", StringComparison.OrdinalIgnoreCase) && e.FullName.Contains("/Pages/", StringComparison.OrdinalIgnoreCase))
            .OrderBy(e => PageNumber(e.FullName)).ThenBy(e => e.FullName, StringComparer.Ordinal);
        var sb = new StringBuilder();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        foreach (var page in pages)
        {
            using var reader = XmlReader.Create(page.Open(), settings);
            reader.Read();
            while (!reader.EOF)
            {
                // ReadElementContentAsString moves past the element itself, so it must not be followed by Read().
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "TextCode")
                {
                    sb.Append(reader.ReadElementContentAsString());
                    continue;
                }
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "TextObject") sb.Append('\n');
                reader.Read();
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static int PageNumber(string path)
    {
        var at = path.LastIndexOf("Page_", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return int.MaxValue;
        var digits = new string(path[(at + 5)..].TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
    }
}
