using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Reports.Writing;

/// <summary>
/// A Word document in the official style of the report writer (GB/T 9704 page, title, 黑体
/// headings, 仿宋 text, tables in 宋体 with repeated headers), for documents other than the report
/// itself — a supervisor's audit memo. Blocks are written in the order they are added.
/// </summary>
public sealed class OfficialDocument
{
    private readonly List<OpenXmlElement> blocks = [];

    public OfficialDocument Title(string text) => Add(DocxStyles.Title, text);

    public OfficialDocument Heading(string text) => Add(DocxStyles.Heading, text);

    public OfficialDocument Paragraph(string text) => Add(null, text);

    /// <summary>A table; its leading header rows (<see cref="LayoutCell.IsHeader"/>) repeat on every page.</summary>
    public OfficialDocument Table(LayoutTable table)
    {
        // Word joins two tables that touch; an empty paragraph keeps each table apart from the next block.
        blocks.Add(DocxTable.Build(table));
        blocks.Add(Block(null, ""));
        return this;
    }

    public byte[] Write()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            DocxStyles.AddParts(main);
            var body = new Body();
            body.Append(blocks.Select(b => b.CloneNode(deep: true)));
            body.Append(DocxStyles.PageSetup(main));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private OfficialDocument Add(string? style, string text)
    {
        blocks.Add(Block(style, text));
        return this;
    }

    private static Paragraph Block(string? style, string text)
    {
        var paragraph = new Paragraph();
        if (style is not null)
            paragraph.Append(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } });
        if (text.Length > 0)
            paragraph.Append(DocxReport.Run(text));
        return paragraph;
    }
}
