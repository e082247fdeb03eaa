using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Core.Supervision.Exports;

/// <summary>
/// Tables as an Excel workbook (SpreadsheetML), a sheet per table: a bold header row frozen at the
/// top, numbers as numbers, shares as percentages, text as inline strings — never formulas, so
/// text taken from reports cannot run in the spreadsheet. The package and styles come from the
/// OpenXml SDK; each sheet's XML is written straight to its part, since an audit of a thousand
/// reports has tens of thousands of cells and an element object per cell costs more than the audit.
/// </summary>
public static class XlsxWorkbook
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string HeaderStyle = "1";
    private const string PercentStyle = "2";

    public static byte[] Write(IEnumerable<AuditTable> tables)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint number = 1;
            foreach (var table in tables)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                using (var output = part.GetStream(FileMode.Create, FileAccess.Write))
                    WriteSheet(output, table, selected: number == 1);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = number++, Name = table.Name });
            }
        }
        return stream.ToArray();
    }

    private static void WriteSheet(Stream output, AuditTable table, bool selected)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartElement("worksheet", Main);
        xml.WriteStartElement("sheetViews", Main);
        xml.WriteStartElement("sheetView", Main);
        if (selected)
            xml.WriteAttributeString("tabSelected", "1");
        xml.WriteAttributeString("workbookViewId", "0");
        xml.WriteStartElement("pane", Main);
        xml.WriteAttributeString("ySplit", "1");
        xml.WriteAttributeString("topLeftCell", "A2");
        xml.WriteAttributeString("activePane", "bottomLeft");
        xml.WriteAttributeString("state", "frozen");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        WriteColumns(xml, table);
        xml.WriteStartElement("sheetData", Main);
        WriteRow(xml, 1, table.Header, HeaderStyle);
        var index = 2;
        foreach (var row in table.Rows)
            WriteRow(xml, index++, row, null);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteRow(XmlWriter xml, int index, IEnumerable<object?> cells, string? style)
    {
        var number = index.ToString(CultureInfo.InvariantCulture);
        xml.WriteStartElement("row", Main);
        xml.WriteAttributeString("r", number);
        var column = 0;
        foreach (var value in cells)
        {
            var reference = ColumnName(column++) + number;
            if (value is null)
                continue;
            xml.WriteStartElement("c", Main);
            xml.WriteAttributeString("r", reference);
            var cellStyle = value is Percent ? PercentStyle : style;
            if (cellStyle is not null)
                xml.WriteAttributeString("s", cellStyle);
            switch (value)
            {
                case int i:
                    xml.WriteElementString("v", Main, i.ToString(CultureInfo.InvariantCulture));
                    break;
                case decimal d:
                    xml.WriteElementString("v", Main, d.ToString(CultureInfo.InvariantCulture));
                    break;
                case Percent p:
                    xml.WriteElementString("v", Main, p.Value.ToString("R", CultureInfo.InvariantCulture));
                    break;
                default:
                    xml.WriteAttributeString("t", "inlineStr");
                    xml.WriteStartElement("is", Main);
                    xml.WriteStartElement("t", Main);
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                    xml.WriteString(Clean(AuditTable.Text(value)));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                    break;
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>Widths from the longest text of each column, a Chinese character counting twice, within reason.</summary>
    private static void WriteColumns(XmlWriter xml, AuditTable table)
    {
        xml.WriteStartElement("cols", Main);
        for (var c = 0; c < table.Header.Count; c++)
        {
            var widest = table.Rows.Select(r => c < r.Length ? AuditTable.Text(r[c]) : "").Append(table.Header[c]).Max(Width);
            var number = (c + 1).ToString(CultureInfo.InvariantCulture);
            xml.WriteStartElement("col", Main);
            xml.WriteAttributeString("min", number);
            xml.WriteAttributeString("max", number);
            xml.WriteAttributeString("width", Math.Clamp(widest + 2, 6, 80).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("customWidth", "1");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
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
