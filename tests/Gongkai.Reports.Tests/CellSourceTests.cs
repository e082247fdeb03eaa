using Gongkai.Domain.Reports;
using Gongkai.Reports.Formats;
using Gongkai.Reports.Reading;
using Gongkai.Reports.Writing;

namespace Gongkai.Reports.Tests;

/// <summary>
/// Every cell read from a file says where it was printed, and the place holds the cell's text:
/// the line (and cell of a row written on it) of a text or Markdown file, the table, row and cell
/// of an HTML page or a DOCX, the page and box of a PDF. The canonical JSON carries the places.
/// </summary>
public class CellSourceTests
{
    public static TheoryData<string> Files =>
    [
        "seeds/000_5485236d7c6fb8e1.txt", "seeds/001_9c96fdb4022428de.txt", "seeds/003_2e123555749eef60.txt",
        "text/layout-2021.txt", "html/linhe-2021-cms.html", "html/shengtai-2019-word.html", "markdown/qingxi-2021-llm.md",
        "markdown/shenzhen-zhujian-2020-pipes.md",
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_EveryCell_ItsPlaceHoldsItsText(string file)
    {
        var bytes = File.ReadAllBytes(TestFiles.Data(file));

        AssertPlaces(Cells(ReportFile.Read(bytes).Report), Document(bytes));
    }

    [Fact]
    public void Read_Docx_EveryCell_ItsTableRowAndCellHoldItsText()
    {
        var bytes = DocxReport.Write(ReportFile.Read(TestFiles.Seed("001")).Report);

        var report = ReportFile.Read(bytes).Report;

        report.Cells().ShouldAllBe(c => c.Cell.Source!.Table != null && c.Cell.Source.Row != null && c.Cell.Source.Column != null);
        AssertPlaces(Cells(report), DocxSource.Read(bytes));
    }

    [Fact]
    public void Read_Pdf_EveryCellOnItsPageInsideThePage()
    {
        var read = Pdf.PdfFixtures.Report2021.Read;

        foreach (var (path, _, _, cell) in read.Report.Cells())
        {
            var box = cell.Source!.Box!.Value;
            cell.Source.Page.ShouldNotBeNull(path);
            (box.X0 >= 0 && box.X1 <= box.PageWidth && box.Y0 >= 0 && box.Y1 <= box.PageHeight && box.X0 < box.X1 && box.Y0 < box.Y1).ShouldBeTrue(path);
        }
        read.Report.Requests["newReceived"]![0].Source!.Page.ShouldBe(read.Report.Requests["results.granted"]![0].Source!.Page);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Json_EveryCellsPlace_ReadsBack(string file)
    {
        var read = ReportFile.Read(TestFiles.Data(file));

        var back = JsonReport.Read(JsonReport.Write(read.Report, read.Findings));

        back.Cells().Select(c => c.Cell.Source).ShouldBe(read.Report.Cells().Select(c => c.Cell.Source));
    }

    [Fact]
    public void Read_LegacyIndicators_ItsPlaceHoldsItsText_AndReadsBackFromJson()
    {
        var bytes = File.ReadAllBytes(TestFiles.Seed("004"));

        var report = ReportFile.Read(bytes).Report;

        var printed = report.Indicators.Where(i => i.Value.Form != CellForm.Blank).Select(i => ("indicators." + i.Label, i.Value)).ToList();
        printed.Count.ShouldBeGreaterThan(10);
        AssertPlaces(printed, Document(bytes));
        JsonReport.Read(JsonReport.Write(report, [])).Indicators.Select(i => i.Value.Source)
            .ShouldBe(report.Indicators.Select(i => i.Value.Source));
    }

    [Theory]
    [InlineData("seeds/000_5485236d7c6fb8e1.txt", "requests.newReceived.naturalPerson", "第80行")]
    [InlineData("html/shengtai-2019-word.html", "requests.newReceived.naturalPerson", "第2个表格第4行第2格")]
    [InlineData("markdown/qingxi-2021-llm.md", "requests.newReceived.total", "第45行的第1个表格第4行第8格")]
    public void Describe_CellsPlace_InChinese(string file, string path, string place)
    {
        var cell = ReportFile.Read(TestFiles.Data(file)).Report.Cells().Single(c => c.Path == path).Cell;

        cell.Source!.Describe().ShouldBe(place);
    }

    private static SourceDocument Document(byte[] bytes) => ReportFile.Sniff(bytes, out var text) switch
    {
        ReportFormat.Text => TextSource.Read(text!),
        ReportFormat.Markdown => MarkdownSource.Read(text!),
        ReportFormat.Html => HtmlSource.Read(text!),
        var f => throw new ArgumentOutOfRangeException(nameof(bytes), f, null),
    };

    private static IEnumerable<(string Path, Cell Cell)> Cells(AnnualReport report) => report.Cells().Select(c => (c.Path, c.Cell));

    /// <summary>Each cell's text is the text of the source line's cell at its place.</summary>
    private static void AssertPlaces(IEnumerable<(string Path, Cell Cell)> cells, SourceDocument document)
    {
        foreach (var (path, cell) in cells)
        {
            var source = cell.Source.ShouldNotBeNull(path);
            var line = document.Lines.Single(l => l.Place == (l.Cells.Count > 1 ? source with { Column = null } : source) || l.Place == source);
            var index = line.Cells.Count > 1 ? source.Column!.Value - 1 : 0;
            line.Cells[index].ShouldBe(cell.Text, path);
        }
    }
}
