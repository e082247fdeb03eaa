using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Writing;

/// <summary>
/// The report as a Word document in the official layout, for offices to edit in Word or WPS:
/// the metadata block, the title, the preface, sections 一…六 with their prose and the
/// statistics tables of <see cref="OfficialLayout"/>, in <see cref="ReportOutline"/>'s order.
/// It reads back through <see cref="ReportFile"/> to the same data.
/// </summary>
public static class DocxReport
{
    public static byte[] Write(AnnualReport report)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            DocxStyles.AddParts(main);
            var body = new Body();
            if (Metadata(report) is { } metadata)
                body.Append(DocxTable.Build(metadata), Paragraph(null, ""));
            body.Append(Paragraph(DocxStyles.Title, ReportOutline.Title(report)));
            AppendProse(body, ReportOutline.Preface(report));
            foreach (var section in ReportOutline.Sections(report))
            {
                body.Append(Paragraph(DocxStyles.Heading, section.Heading));
                AppendProse(body, section.Text);
                if (section.Table is { } table)
                    body.Append(DocxTable.Build(table));
            }
            if (ReportOutline.Signature(report) is { } signature)
                body.Append(Paragraph(DocxStyles.Signature, signature));
            body.Append(DocxStyles.PageSetup(main));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    /// <summary>索引号, 发布机构 … as the portals print them: two key/value pairs to a row.</summary>
    private static LayoutTable? Metadata(AnnualReport report)
    {
        var pairs = ReportOutline.Metadata(report);
        if (pairs.Count == 0)
            return null;
        var rows = pairs.Chunk(2)
            .Select(chunk => (IReadOnlyList<LayoutCell>)[.. chunk.SelectMany(p => new[] { new LayoutCell(p.Key), new LayoutCell(p.Value) }),
                .. Enumerable.Repeat(new LayoutCell(""), 4 - chunk.Length * 2)])
            .ToList();
        return new LayoutTable("", 4, rows);
    }

    /// <summary>Each line of prose is a paragraph of its own, as it was read.</summary>
    private static void AppendProse(Body body, string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0)
                body.Append(Paragraph(null, line));
        }
    }

    /// <summary>A paragraph in a named style (the body text style when null).</summary>
    private static Paragraph Paragraph(string? style, string text)
    {
        var paragraph = new Paragraph();
        if (style is not null)
            paragraph.Append(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } });
        if (text.Length > 0)
            paragraph.Append(Run(text));
        return paragraph;
    }

    /// <summary>A run of text, without the characters XML cannot carry (control characters left by a damaged source).</summary>
    internal static Run Run(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogatePair(text, i))
                sb.Append(c).Append(text[++i]);
            else if (c == '\t')
                sb.Append(' ');
            else if (XmlConvert.IsXmlChar(c))
                sb.Append(c);
        }
        return new Run(new Text(sb.ToString()) { Space = SpaceProcessingModeValues.Preserve });
    }
}
