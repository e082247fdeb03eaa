using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Core.Supervision.Exports;

/// <summary>
/// Tables as an Excel workbook (SpreadsheetML), a sheet per table: a bold header row frozen at the
/// top, numbers as numbers, shares as percentages, text as inline strings — never formulas, so
/// text taken from reports cannot run in the spreadsheet. Rows are streamed to the part, not built
/// as a document tree: an audit of a thousand reports has tens of thousands of cells.
/// </summary>
public static class XlsxWorkbook
{
    private const uint HeaderStyle = 1;
    private const uint PercentStyle = 2;

    public static byte[] Write(IEnumerable<AuditTable> tables)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint number = 1;
            foreach (var table in tables)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                WriteSheet(part, table, selected: number == 1);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = number++, Name = table.Name });
            }
        }
        return stream.ToArray();
    }

    private static void WriteSheet(WorksheetPart part, AuditTable table, bool selected)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        var view = new SheetView(new Pane
        {
            VerticalSplit = 1,
            TopLeftCell = "A2",
            ActivePane = PaneValues.BottomLeft,
            State = PaneStateValues.Frozen,
        })
        { TabSelected = selected, WorkbookViewId = 0 };
        writer.WriteElement(new SheetViews(view));
        writer.WriteElement(Columns(table));
        writer.WriteStartElement(new SheetData());
        writer.WriteElement(Row(1, table.Header, HeaderStyle));
        var index = 2u;
        foreach (var row in table.Rows)
            writer.WriteElement(Row(index++, row, null));
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static Row Row(uint index, IEnumerable<object?> cells, uint? style)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var value in cells)
        {
            var reference = ColumnName(column++) + index.ToString(CultureInfo.InvariantCulture);
            var cell = value switch
            {
                null => null,
                int i => Number(reference, i.ToString(CultureInfo.InvariantCulture)),
                decimal d => Number(reference, d.ToString(CultureInfo.InvariantCulture)),
                Percent p => Number(reference, p.Value.ToString("R", CultureInfo.InvariantCulture), PercentStyle),
                _ => new Cell(new InlineString(new Text(Clean(AuditTable.Text(value))) { Space = SpaceProcessingModeValues.Preserve }))
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                },
            };
            if (cell is null)
                continue;
            if (style is { } s)
                cell.StyleIndex = s;
            row.Append(cell);
        }
        return row;
    }

    private static Cell Number(string reference, string value, uint? style = null) =>
        new(new CellValue(value)) { CellReference = reference, DataType = CellValues.Number, StyleIndex = style };

    /// <summary>Widths from the longest text of each column, a Chinese character counting twice, within reason.</summary>
    private static Columns Columns(AuditTable table)
    {
        var columns = new Columns();
        for (var c = 0; c < table.Header.Count; c++)
        {
            var widest = table.Rows.Select(r => c < r.Length ? AuditTable.Text(r[c]) : "").Append(table.Header[c]).Max(Width);
            var width = Math.Clamp(widest + 2, 6, 80);
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width, CustomWidth = true });
        }
        return columns;
    }

    private static double Width(string text) => text.Sum(ch => ch >= '\u2E80' ? 2.0 : 1.0);

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
            name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    /// <summary>Text without the characters XML cannot carry (control characters from a damaged source).</summary>
    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
            return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
                sb.Append(text[i]).Append(text[++i]);
            else if (XmlConvert.IsXmlChar(text[i]))
                sb.Append(text[i]);
        }
        return sb.ToString();
    }

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" })),
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat { FontId = 1, FillId = 0, BorderId = 0, ApplyFont = true },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 9, ApplyNumberFormat = true }));
}
