using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Domain.Reports;
using Gongkai.Reports.Reading;

namespace Gongkai.Reports.Formats;

/// <summary>
/// A Word or WPS document: the body in reading order, each paragraph a line (list numbers
/// included), each table row a line of its physical cells. A cell merged across columns
/// (gridSpan) or down rows (vMerge) is read once, where it starts, as HTML colspan and rowspan
/// are. Headers and footers (page numbers) are not read.
/// </summary>
public static class DocxSource
{
    public static SourceDocument Read(byte[] bytes)
    {
        DocxArchive.Check(bytes);
        var document = new SourceDocument("docx");
        try
        {
            using var word = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), isEditable: false,
                new OpenSettings { MaxCharactersInPart = DocxArchive.MaxCharactersInPart, AutoSave = false });
            var main = word.MainDocumentPart;
            var body = main?.Document?.Body ?? throw new ReportReadException("DOCX 文件中没有正文");
            var styles = new DocxStyleSheet(main!.StyleDefinitionsPart?.Styles);
            new BodyReader(document, styles, new DocxNumbering(main.NumberingDefinitionsPart?.Numbering, styles)).ReadBlocks(body);
        }
        // FormatException covers a damaged package (FileFormatException) and a malformed link target (UriFormatException);
        // InvalidOperationException a relationship to a part the package does not hold.
        catch (Exception e) when (e is OpenXmlPackageException or FormatException or XmlException or InvalidDataException or IOException
                                      or InvalidOperationException)
        {
            throw new ReportReadException("DOCX 文件结构已损坏或内容过大，无法读取；请在 Word 或 WPS 中打开后另存为 DOCX 再试", e);
        }
        if (document.Lines.Count == 0)
            throw new ReportReadException("DOCX 文件中没有可读取的文字；如果报告是扫描图片，请提供文字版本");
        return document;
    }

    private sealed class BodyReader(SourceDocument document, DocxStyleSheet styles, DocxNumbering numbering)
    {
        private int _paragraphs;
        private int _tables;

        public void ReadBlocks(OpenXmlElement container)
        {
            foreach (var block in Blocks(container))
            {
                if (block is Table table)
                    ReadTable(table);
                else
                    ReadParagraph((Paragraph)block);
            }
        }

        private void ReadParagraph(Paragraph paragraph)
        {
            var location = new CellSource { Paragraph = ++_paragraphs };
            foreach (var (text, nearPageBreak) in DocxText.Lines(Text(paragraph)))
                document.AddParagraph(text, location, nearPageBreak);
        }

        private void ReadTable(Table table)
        {
            var number = ++_tables;
            var rowNumber = 0;
            foreach (var row in Flatten<TableRow>(table))
            {
                rowNumber++;
                if (row.TableRowProperties?.GetFirstChild<Deleted>() is not null)
                    continue;
                var location = new CellSource { Table = number, Row = rowNumber };
                var cells = new List<string>();
                foreach (var cell in Flatten<TableCell>(row))
                {
                    if (IsMergeContinuation(cell.TableCellProperties))
                        continue;
                    var blocks = Blocks(cell).ToList();
                    if (blocks.Any(b => b is Table))
                    {
                        // A cell holding a table is a layout container: its content is read as
                        // body, between the cells before it and the cells after it.
                        Flush(cells, location);
                        ReadBlocks(cell);
                        continue;
                    }
                    cells.Add(string.Join(" ", blocks.Select(b => Text((Paragraph)b).Replace(DocxText.LineBreak, ' ').Replace(DocxText.PageBreak, ' ').Trim())));
                }
                Flush(cells, location);
            }
        }

        private void Flush(List<string> cells, CellSource location)
        {
            if (cells.Count > 0)
                document.AddRow([.. cells], location);
            cells.Clear();
        }

        private string Text(Paragraph paragraph) => numbering.Prefix(paragraph) + DocxText.Of(paragraph);

        /// <summary>
        /// The paragraphs and tables of a container in order, through content controls and custom
        /// XML; a table of contents is left out because it repeats the headings.
        /// </summary>
        private IEnumerable<OpenXmlElement> Blocks(OpenXmlElement container)
        {
            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case Paragraph p when styles.IsTableOfContents(styles.StyleOf(p)):
                        break;
                    case Paragraph or Table:
                        yield return child;
                        break;
                    case SdtBlock sdt when IsTableOfContents(sdt):
                        break;
                    case SdtBlock or SdtContentBlock or CustomXmlBlock:
                        foreach (var inner in Blocks(child))
                            yield return inner;
                        break;
                }
            }
        }

        private static bool IsTableOfContents(SdtBlock sdt) =>
            sdt.SdtProperties?.GetFirstChild<SdtContentDocPartObject>()?.DocPartGallery?.Val?.Value is { } gallery
            && gallery.StartsWith("Table of Contents", StringComparison.Ordinal);

        /// <summary>Rows of a table or cells of a row, through content controls and custom XML wrapped around them.</summary>
        private static IEnumerable<T> Flatten<T>(OpenXmlElement parent)
            where T : OpenXmlElement
        {
            foreach (var child in parent.ChildElements)
            {
                if (child is T item)
                    yield return item;
                else if (child is SdtElement or SdtContentRow or SdtContentCell or CustomXmlElement)
                {
                    foreach (var inner in Flatten<T>(child))
                        yield return inner;
                }
            }
        }

        /// <summary>A cell covered by the merged cell above it (vMerge) or before it (legacy hMerge).</summary>
        private static bool IsMergeContinuation(TableCellProperties? properties) =>
            properties?.VerticalMerge is { } v && v.Val?.Value != MergedCellValues.Restart
            || properties?.HorizontalMerge is { } h && h.Val?.Value != MergedCellValues.Restart
            || properties?.GetFirstChild<CellDeletion>() is not null;
    }
}
