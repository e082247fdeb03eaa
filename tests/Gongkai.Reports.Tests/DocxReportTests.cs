using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Domain.Reports;
using Gongkai.Reports.Writing;

namespace Gongkai.Reports.Tests;

/// <summary>The DOCX writer: the official layout, valid Open XML, and a file that reads back to the same report.</summary>
public class DocxReportTests
{
    public static TheoryData<string> Seeds => new() { "000", "001", "002", "003", "004" };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Write_Seed_ReadsBackToTheSameData(string seed)
    {
        var original = ReportFile.Read(TestFiles.Seed(seed)).Report;

        var read = ReportFile.Read(DocxReport.Write(original));

        read.Format.ShouldBe(ReportFormat.Docx);
        ReportAssert.Same(original, read.Report);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Write_Seed_IsValidOpenXml(string seed)
    {
        var report = ReportFile.Read(TestFiles.Seed(seed)).Report;

        using var word = Open(DocxReport.Write(report));
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}");

        errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("001")]
    [InlineData("003")]
    [InlineData("004")]
    public void Write_Seed_MergesMatchTheOfficialLayout(string seed)
    {
        var report = ReportFile.Read(TestFiles.Seed(seed)).Report;
        var layouts = OfficialLayout.Tables(report);

        using var word = Open(DocxReport.Write(report));
        var tables = word.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();

        // Metadata first when the report has it, then one table per layout table.
        var statistics = tables.Skip(tables.Count - layouts.Count).ToList();
        statistics.Count.ShouldBe(layouts.Count);
        for (var t = 0; t < layouts.Count; t++)
        {
            Spans(statistics[t]).ShouldBe(layouts[t].Rows.Select(r => r.Select(c => (c.Text, c.RowSpan, c.ColSpan)).ToList()).ToList());
            statistics[t].GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count().ShouldBe(layouts[t].Columns);
        }
    }

    [Fact]
    public void Write_2021Report_HeaderRowsRepeatAndNoRowSplits()
    {
        var report = ReportFile.Read(TestFiles.Seed("003")).Report;

        using var word = Open(DocxReport.Write(report));
        var tables = word.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();

        var repeated = tables.Select(t => t.Elements<TableRow>().Count(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null)).ToList();
        repeated.ShouldBe([0, 3, 3]); // table 二 repeats its header per block, so no row repeats on every page
        tables.SelectMany(t => t.Elements<TableRow>()).ShouldAllBe(r => r.TableRowProperties!.GetFirstChild<CantSplit>() != null);
    }

    [Fact]
    public void Write_Report_PageAndFontsFollowGbT9704()
    {
        var report = ReportFile.Read(TestFiles.Seed("003")).Report;

        using var word = Open(DocxReport.Write(report));
        var main = word.MainDocumentPart!;
        var section = main.Document.Body!.GetFirstChild<SectionProperties>()!;

        var size = section.GetFirstChild<PageSize>()!;
        (size.Width!.Value, size.Height!.Value).ShouldBe((11906U, 16838U));
        var margin = section.GetFirstChild<PageMargin>()!;
        (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value).ShouldBe((2098, 1984, 1587U, 1474U));

        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Font(styles["Title"]).ShouldBe("方正小标宋简体");
        Font(styles["Heading1"]).ShouldBe("黑体");
        Font(styles["TableText"]).ShouldBe("宋体");
        styles["TableText"].StyleRunProperties!.FontSize!.Val!.Value.ShouldBe("21");
        var defaults = main.StyleDefinitionsPart.Styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        (defaults.RunFonts!.EastAsia!.Value, defaults.FontSize!.Val!.Value).ShouldBe(("仿宋_GB2312", "32"));
        styles["Normal"].StyleParagraphProperties!.Indentation!.FirstLineChars!.Value.ShouldBe(200);
        main.FontTablePart!.Fonts!.Elements<Font>().Single(f => f.Name == "方正小标宋简体").AltName!.Val!.Value.ShouldNotBeNullOrEmpty();

        // "— 1 —": odd pages on the right, even pages on the left.
        var footers = section.Elements<FooterReference>().ToDictionary(r => r.Type!.Value, r => ((FooterPart)main.GetPartById(r.Id!)).Footer!);
        foreach (var (type, side) in new[] { (HeaderFooterValues.Default, JustificationValues.Right), (HeaderFooterValues.Even, JustificationValues.Left) })
        {
            var footer = footers[type];
            footer.Descendants<Text>().Select(t => t.Text).ShouldBe(["— ", "1", " —"]);
            footer.Descendants<FieldCode>().Single().Text.ShouldBe(" PAGE ");
            footer.Descendants<Justification>().Single().Val!.Value.ShouldBe(side);
        }
        main.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>().ShouldNotBeNull();
    }

    [Fact]
    public void Write_ReportWithMetadata_MetadataTableComesBeforeTheTitle()
    {
        var report = ReportFile.Read(TestFiles.Seed("004")).Report;

        using var word = Open(DocxReport.Write(report));
        var blocks = word.MainDocumentPart!.Document.Body!.ChildElements.Where(e => e is Table or Paragraph { InnerText.Length: > 0 }).ToList();

        blocks[0].ShouldBeOfType<Table>().Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText)
            .ShouldBe(["索引号", "014421017/2018-00546", "分类", "信息公开年报"]);
        blocks[1].InnerText.ShouldBe(report.Title);
        blocks[1].ShouldBeOfType<Paragraph>().ParagraphProperties!.ParagraphStyleId!.Val!.Value.ShouldBe("Title");
    }

    [Fact]
    public void Write_CellForms_WrittenAsPrintedAndReadBack()
    {
        var report = new AnnualReport { Template = ReportTemplate.Y2021, Year = 2023, Title = "某县2023年政府信息公开工作年度报告" };
        var forms = new[] { new Cell(0, "", CellForm.Blank), new Cell(0, "/", CellForm.Slash), new Cell(0, "-", CellForm.Hyphen),
            new Cell(0, "—", CellForm.Dash), new Cell(0, "无", CellForm.None), Cell.Unreadable("?3"), Cell.Of(7) };
        foreach (var row in ReportSchema.Rows(ReportTemplate.Y2021, ReportTable.Requests))
            report.Requests.Set(row.Key, forms);

        var read = ReportFile.Read(DocxReport.Write(report)).Report;

        foreach (var row in ReportSchema.Rows(ReportTemplate.Y2021, ReportTable.Requests))
            read.Requests[row.Key]!.Select(c => (c.Value, c.Form, c.Text)).ShouldBe(forms.Select(c => (c.Value, c.Form, c.Text)), row.Key);
    }

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    private static string? Font(Style style) => style.StyleRunProperties?.RunFonts?.EastAsia?.Value;

    /// <summary>
    /// A Word table back as layout rows: each cell that starts a merge with the text, the rows
    /// its vMerge reaches down and the columns its gridSpan covers.
    /// </summary>
    private static List<List<(string Text, int RowSpan, int ColSpan)>> Spans(Table table)
    {
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().ToList()).ToList();
        var result = new List<List<(string, int, int)>>();
        for (var r = 0; r < rows.Count; r++)
        {
            var line = new List<(string, int, int)>();
            var column = 0;
            foreach (var cell in rows[r])
            {
                var span = cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                var merge = cell.TableCellProperties?.VerticalMerge;
                if (merge is null || merge.Val?.Value == MergedCellValues.Restart)
                {
                    var rowSpan = 1;
                    while (merge is not null && r + rowSpan < rows.Count && ContinuesAt(rows[r + rowSpan], column))
                        rowSpan++;
                    line.Add((cell.InnerText, rowSpan, span));
                }
                column += span;
            }
            result.Add(line);
        }
        return result;
    }

    private static bool ContinuesAt(List<TableCell> row, int column)
    {
        var at = 0;
        foreach (var cell in row)
        {
            if (at == column)
                return cell.TableCellProperties?.VerticalMerge is { } m && m.Val?.Value != MergedCellValues.Restart;
            at += cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
        }
        return false;
    }
}
