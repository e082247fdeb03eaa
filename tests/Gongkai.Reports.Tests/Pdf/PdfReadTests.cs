using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Tests.Pdf;

/// <summary>
/// Fixture reports printed to PDF by Chromium and read back through poppler: every figure of
/// tables 二, 三 and 四 lands in its row and column, blanks and empty marks included.
/// </summary>
public class PdfReadTests
{
    [Fact]
    public void Read_Report2021_EveryCellOfTables2To4() => AssertCells(PdfFixtures.Report2021);

    [Fact]
    public void Read_Report2019Traditional_EveryCellOfTables2To4() => AssertCells(PdfFixtures.Report2019);

    [Fact]
    public void Read_BorderlessTables_EveryCellOfTables2To4() => AssertCells(PdfFixtures.Borderless2021);

    /// <summary>
    /// The same fixtures as LibreOffice prints them (HTML → DOCX → PDF with soffice --convert-to):
    /// rules stroked in grey under a flipping transform, and rows cut by a page break with a rule
    /// drawn on both sides of the cut. Frozen files: regenerate them if the fixtures change.
    /// </summary>
    [Theory]
    [InlineData("libreoffice-2021.pdf", "2021")]
    [InlineData("libreoffice-2019.pdf", "2019")]
    public void Read_LibreOfficePdf_EveryCellOfTables2To4(string file, string fixture)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestFiles.Root, "tests", "Gongkai.Reports.Tests", "Pdf", "Producers", file));

        AssertCells(ReportFile.Read(bytes), Fixture(fixture).Printed);
    }

    /// <summary>
    /// A text report printed as it was (seed 002's text through soffice --convert-to pdf): its
    /// tables are pipe rows in the PDF's text layer; they read as the text does, each cell with its box.
    /// </summary>
    [Fact]
    public void Read_TextReportPrinted_ReadsAsTheText_EveryCellWithItsBox()
    {
        var text = ReportFile.Read(TestFiles.Seed("002"));

        var pdf = ReportFile.Read(File.ReadAllBytes(Path.Combine(TestFiles.Root, "tests", "Gongkai.Reports.Tests", "Pdf", "Producers", "libreoffice-text-002.pdf")));

        pdf.Report.Cells().Select(c => (c.Path, c.Cell.Value, c.Cell.Form)).ShouldBe(text.Report.Cells().Select(c => (c.Path, c.Cell.Value, c.Cell.Form)));
        pdf.Report.Cells().ShouldAllBe(c => c.Cell.Source!.Page != null && c.Cell.Source.Box != null);
        pdf.Findings.Select(f => (f.Rule, string.Join(",", f.Cells))).ShouldBe(text.Findings.Select(f => (f.Rule, string.Join(",", f.Cells))));
        (pdf.Report.Agency, pdf.Report.Year).ShouldBe((text.Report.Agency, text.Report.Year));
    }

    [Fact]
    public void Read_Report2021_FindsTitleTemplateAndSections()
    {
        var read = PdfFixtures.Report2021.Read;

        read.Format.ShouldBe(ReportFormat.Pdf);
        read.Report.Title.ShouldBe(PdfFixtures.Title2021);
        read.Report.Year.ShouldBe(2021);
        read.Report.Template.ShouldBe(ReportTemplate.Y2021);
        read.Report.Sections.Where(s => s.Number > 0).Select(s => s.Number).ShouldBe([1, 2, 3, 4, 5, 6]);
    }

    [Fact]
    public void Read_WrappedParagraph_JoinedIntoOne()
    {
        var overview = PdfFixtures.Report2021.Read.Report.Sections.Single(s => s.Number == 1);

        overview.Text.ShouldBe(PdfFixtures.Overview2021);
    }

    [Fact]
    public void Read_ParagraphOverPageBreak_JoinedIntoOne()
    {
        // In the 2021 fixture section 五 runs from page 4 onto page 5.
        var problems = PdfFixtures.Report2021.Read.Report.Sections.Single(s => s.Number == 5);

        problems.Text.ShouldBe(PdfFixtures.Problems2021);
    }

    [Fact]
    public void Read_Report2021_Table3RunsOverAPageBreak()
    {
        var document = Formats.PdfSource.Read(PdfFixtures.Report2021.Pdf);

        // The fixture's point: table 三 is printed over a page break.
        var first = document.Lines.First(l => l.Cells.Contains("一、本年新收政府信息公开申请数量"));
        var last = document.Lines.First(l => l.Cells.Contains("四、结转下年度继续办理"));
        last.Location.ShouldNotBe(first.Location);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Read_PageFurniture_NeverReachesTextOrFindings(string name)
    {
        var read = Fixture(name).Read;

        var prose = string.Join("\n", read.Report.Sections.Select(s => s.Text));
        prose.ShouldNotContain("- 2 -");
        prose.ShouldNotContain("file:");
        read.Report.Sections.Where(s => s.Number > 0).Select(s => s.Number).ShouldBe([1, 2, 3, 4, 5, 6]);
        read.Findings.ShouldNotContain(f => f.Rule == "table.incomplete");
    }

    public static TheoryData<string> Fixtures => new() { "2021", "2019", "borderless" };

    private static PdfFixture Fixture(string name) => name switch
    {
        "2021" => PdfFixtures.Report2021,
        "2019" => PdfFixtures.Report2019,
        _ => PdfFixtures.Borderless2021,
    };

    private static void AssertCells(PdfFixture fixture) => AssertCells(fixture.Read, fixture.Printed);

    private static void AssertCells(ReadReport read, IReadOnlyDictionary<string, string[]> expected)
    {
        var report = read.Report;
        var cells = new Dictionary<string, Cell[]>(StringComparer.Ordinal);
        foreach (var table in ReportSchema.Tables)
        {
            var data = report.Table(table);
            foreach (var key in data.Keys)
                cells[ReportSchema.TableId(table) + "." + key] = [.. data[key]!];
        }
        cells.Keys.ShouldBe(expected.Keys, ignoreOrder: true);
        foreach (var (key, printed) in expected)
        {
            cells[key].Select(c => c.Text).ShouldBe(printed, key);
            cells[key].Select(c => c.Form).ShouldBe(printed.Select(PdfFixtures.FormOf), key);
            cells[key].Select(c => c.Value).ShouldBe(printed.Select(p => (decimal?)PdfFixtures.ValueOf(p)), key);
        }
    }
}
