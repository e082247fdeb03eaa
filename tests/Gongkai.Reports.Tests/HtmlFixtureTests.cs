using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Tests;

/// <summary>
/// Hand-written report pages under tests/data/html, shaped like real government sites, read
/// cell by cell. Every expected figure is the one written into the page by hand.
/// </summary>
public class HtmlFixtureTests
{
    private static readonly decimal?[] Zero7 = [0, 0, 0, 0, 0, 0, 0];

    // 2021 template in a CMS page: nav, breadcrumb, share bar, footer; digits split over
    // <span>/<font>; &nbsp; for every zero of the outcome rows; a hidden digit in one cell.
    private static readonly Dictionary<string, decimal?[]> Linhe = new()
    {
        ["proactive.rules"] = [0, 0, 2],
        ["proactive.normativeDocuments"] = [12, 3, 57],
        ["proactive.licensing"] = [4286],
        ["proactive.penalties"] = [1573],
        ["proactive.coercion"] = [89],
        ["proactive.fees"] = [0],
        ["requests.newReceived"] = [236, 18, 0, 1, 5, 2, 262],
        ["requests.carriedOver"] = [7, 1, 0, 0, 0, 0, 8],
        ["requests.results.granted"] = [98, 9, 0, 1, 2, 1, 111],
        ["requests.results.partiallyGranted"] = [21, 2, 0, 0, 1, 0, 24],
        ["requests.results.denied.stateSecret"] = Zero7,
        ["requests.results.denied.prohibitedByLaw"] = Zero7,
        ["requests.results.denied.threeSecurityOneStability"] = Zero7,
        ["requests.results.denied.thirdPartyRights"] = [3, 0, 0, 0, 0, 0, 3],
        ["requests.results.denied.internalAffairs"] = [2, 0, 0, 0, 0, 0, 2],
        ["requests.results.denied.processInformation"] = [4, 1, 0, 0, 0, 0, 5],
        ["requests.results.denied.enforcementCaseFile"] = [1, 0, 0, 0, 0, 0, 1],
        ["requests.results.denied.administrativeQuery"] = [6, 0, 0, 0, 0, 0, 6],
        ["requests.results.unavailable.notHeld"] = [62, 4, 0, 0, 1, 1, 68],
        ["requests.results.unavailable.needsCreation"] = [5, 0, 0, 0, 0, 0, 5],
        ["requests.results.unavailable.unclearAfterCorrection"] = [3, 0, 0, 0, 0, 0, 3],
        ["requests.results.notProcessed.petitionOrComplaint"] = [8, 0, 0, 0, 0, 0, 8],
        ["requests.results.notProcessed.duplicate"] = [4, 1, 0, 0, 0, 0, 5],
        ["requests.results.notProcessed.publication"] = [1, 0, 0, 0, 0, 0, 1],
        ["requests.results.notProcessed.massRepeated"] = Zero7,
        ["requests.results.notProcessed.confirmOrReissue"] = [2, 0, 0, 0, 0, 0, 2],
        ["requests.results.other.noCorrection"] = [7, 1, 0, 0, 0, 0, 8],
        ["requests.results.other.feeUnpaid"] = Zero7,
        ["requests.results.other.other"] = [5, 0, 0, 0, 1, 0, 6],
        ["requests.results.total"] = [232, 18, 0, 1, 5, 2, 258],
        ["requests.carriedForward"] = [11, 1, 0, 0, 0, 0, 12],
        ["reviewLitigation.review"] = [3, 1, 0, 1, 5],
        ["reviewLitigation.litigationWithoutReview"] = [2, 0, 0, 1, 3],
        ["reviewLitigation.litigationAfterReview"] = [1, 0, 0, 0, 1],
    };

    // 2019 template exported from Word into an old table-layout CMS page; 结转下年度 is printed
    // as 4 where 45 + 2 − 44 = 3 (and 54 + 2 − 53 = 3 in the total column).
    private static readonly Dictionary<string, decimal?[]> Shengtai = new()
    {
        ["proactive.rules"] = [0, 0, 0],
        ["proactive.normativeDocuments"] = [5, 5, 38],
        ["proactive.licensing"] = [126, 4, 2315],
        ["proactive.otherServices"] = [18, -2, 460],
        ["proactive.penalties"] = [97, 0, 186],
        ["proactive.coercion"] = [12, 0, 9],
        ["proactive.fees"] = [3, 0],
        ["proactive.procurement"] = [14, 326.5m],
        ["requests.newReceived"] = [45, 6, 0, 0, 2, 1, 54],
        ["requests.carriedOver"] = [2, 0, 0, 0, 0, 0, 2],
        ["requests.results.granted"] = [20, 3, 0, 0, 1, 0, 24],
        ["requests.results.partiallyGranted"] = [4, 1, 0, 0, 0, 0, 5],
        ["requests.results.denied.stateSecret"] = Zero7,
        ["requests.results.denied.prohibitedByLaw"] = Zero7,
        ["requests.results.denied.threeSecurityOneStability"] = Zero7,
        ["requests.results.denied.thirdPartyRights"] = [1, 0, 0, 0, 0, 0, 1],
        ["requests.results.denied.internalAffairs"] = Zero7,
        ["requests.results.denied.processInformation"] = [2, 0, 0, 0, 0, 0, 2],
        ["requests.results.denied.enforcementCaseFile"] = Zero7,
        ["requests.results.denied.administrativeQuery"] = [1, 0, 0, 0, 0, 0, 1],
        ["requests.results.unavailable.notHeld"] = [9, 1, 0, 0, 1, 1, 12],
        ["requests.results.unavailable.needsCreation"] = [1, 0, 0, 0, 0, 0, 1],
        ["requests.results.unavailable.unclearAfterCorrection"] = Zero7,
        ["requests.results.notProcessed.petitionOrComplaint"] = [2, 0, 0, 0, 0, 0, 2],
        ["requests.results.notProcessed.duplicate"] = [1, 0, 0, 0, 0, 0, 1],
        ["requests.results.notProcessed.publication"] = Zero7,
        ["requests.results.notProcessed.massRepeated"] = Zero7,
        ["requests.results.notProcessed.confirmOrReissue"] = Zero7,
        ["requests.results.other"] = [3, 1, 0, 0, 0, 0, 4],
        ["requests.results.total"] = [44, 6, 0, 0, 2, 1, 53],
        ["requests.carriedForward"] = [4, 0, 0, 0, 0, 0, 4],
        ["reviewLitigation.review"] = [1, 0, 0, 0, 1],
        ["reviewLitigation.litigationWithoutReview"] = [0, 0, 0, 1, 1],
        ["reviewLitigation.litigationAfterReview"] = [0, 0, 0, 0, 0],
    };

    // 2021 template, a town's page saved in GBK: upper-case HTML 4, <br>-separated prose in one
    // layout cell, <th> headers, / and — in table 二, the metadata only in <meta> tags.
    private static readonly Dictionary<string, decimal?[]> Qingshi = BuildQingshi();

    private static Dictionary<string, decimal?[]> BuildQingshi()
    {
        var expected = new Dictionary<string, decimal?[]>
        {
            ["proactive.rules"] = [0, 0, 0],
            ["proactive.normativeDocuments"] = [1, 0, 4],
            ["proactive.licensing"] = [36],
            ["proactive.penalties"] = [12],
            ["proactive.coercion"] = [0],
            ["proactive.fees"] = [0],
            ["reviewLitigation.review"] = [0, 0, 0, 0, 0],
            ["reviewLitigation.litigationWithoutReview"] = [0, 0, 0, 0, 0],
            ["reviewLitigation.litigationAfterReview"] = [0, 0, 0, 0, 0],
        };
        foreach (var row in ReportSchema.Rows(ReportTemplate.Y2021, ReportTable.Requests))
            expected["requests." + row.Key] = Zero7;
        expected["requests.newReceived"] = [6, 1, 0, 0, 0, 0, 7];
        expected["requests.results.granted"] = [3, 1, 0, 0, 0, 0, 4];
        expected["requests.results.partiallyGranted"] = [1, 0, 0, 0, 0, 0, 1];
        expected["requests.results.unavailable.notHeld"] = [1, 0, 0, 0, 0, 0, 1];
        expected["requests.results.total"] = [5, 1, 0, 0, 0, 0, 6];
        expected["requests.carriedForward"] = [1, 0, 0, 0, 0, 0, 1];
        return expected;
    }

    [Fact]
    public void Read_CmsPage_EveryCellOfTables2To4() => ReportAssert.Cells(Read("linhe-2021-cms.html").Report, Linhe);

    [Fact]
    public void Read_CmsPage_NbspCellsAreBlankZeros()
    {
        var report = Read("linhe-2021-cms.html").Report;

        var requests = report.Cells().Where(c => c.Row.Table == ReportTable.Requests).ToList();
        requests.Count(c => c.Cell.Form == CellForm.Blank).ShouldBe(102);
        foreach (var (path, row, _, cell) in requests)
        {
            var blank = ReportSchema.IsOutcome(row) && cell.Value == 0;
            cell.Form.ShouldBe(blank ? CellForm.Blank : CellForm.Number, path);
        }
    }

    [Fact]
    public void Read_CmsPage_MetadataAndTitle()
    {
        var report = Read("linhe-2021-cms.html").Report;

        report.Title.ShouldBe("江川市临河区2021年政府信息公开工作年度报告");
        report.Agency.ShouldBe("江川市临河区人民政府");
        report.Year.ShouldBe(2021);
        report.Template.ShouldBe(ReportTemplate.Y2021);
        report.Source.IndexNumber.ShouldBe("007534210/2022-00013");
        report.Source.Category.ShouldBe("政府信息公开年报");
        report.Source.Publisher.ShouldBe("江川市临河区人民政府办公室");
        report.Source.IssuedOn.ShouldBe(new DateOnly(2022, 1, 25));
        report.Source.DocumentNumber.ShouldBeNull();
    }

    [Fact]
    public void Read_CmsPage_SectionsWithoutPageChrome()
    {
        var report = Read("linhe-2021-cms.html").Report;

        report.Sections.Select(s => s.Number).ShouldBe([0, 1, 2, 3, 4, 5, 6]);
        report.Section(0)!.Text.ShouldStartWith("根据《中华人民共和国政府信息公开条例》");
        report.Section(1)!.Text.Split('\n').Length.ShouldBe(6);
        report.Section(6)!.Text.ShouldBe("本年度未收取信息处理费。\n无其他需要报告的事项。");
        foreach (var chrome in new[] { "首页", "当前位置", "分享", "微信", "打印", "字号", "网站标识码", "主办", "相关文章" })
            report.Sections.ShouldAllBe(s => !s.Text.Contains(chrome), chrome);
    }

    [Fact]
    public void Check_CmsPage_Consistent() => Read("linhe-2021-cms.html").Findings.ShouldBeEmpty();

    [Fact]
    public void Read_WordPage_EveryCellOfTables2To4() => ReportAssert.Cells(Read("shengtai-2019-word.html").Report, Shengtai);

    [Fact]
    public void Read_WordPage_MetadataTitleAndSections()
    {
        var report = Read("shengtai-2019-word.html").Report;

        report.Title.ShouldBe("江川市生态环境局2019年政府信息公开工作年度报告");
        report.Agency.ShouldBe("江川市生态环境局");
        report.Year.ShouldBe(2019);
        report.Template.ShouldBe(ReportTemplate.Y2019);
        report.Source.Publisher.ShouldBe("江川市生态环境局");
        report.Source.IssuedOn.ShouldBe(new DateOnly(2020, 1, 17));
        report.Sections.Select(s => s.Heading).ShouldBe(
            ["", "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"]);
        // Word wraps its source inside Chinese text; the break is no space.
        report.Section(1)!.Text.ShouldStartWith("2019年，江川市生态环境局深入贯彻落实新修订的《条例》，坚持以公开为常态、不公开为例外，推进生态环境领域政府信息公开。\n");
        // The signature block (江川市生态环境局, 2020年1月17日) closes the report; it is not prose of section 六.
        report.Section(6)!.Text.ShouldBe("本年度未收取信息处理费，无其他需要报告的事项。");
        foreach (var chrome in new[] { "mso", "Font Definitions", "WordDocument", "点击数", "打印", "版权所有", "ICP" })
            report.Sections.ShouldAllBe(s => !s.Text.Contains(chrome), chrome);
    }

    [Fact]
    public void Check_WordPage_FindsTheImbalanceItPrints()
    {
        var findings = Read("shengtai-2019-word.html").Findings;

        findings.Select(f => f.Rule).ShouldBe(["requests.balance", "requests.balance"]);
        findings.ShouldAllBe(f => f.Severity == Severity.Error && f.Origin == FindingOrigin.Report);
        findings.Select(f => f.Cells[3]).ShouldBe(["requests.carriedForward.naturalPerson", "requests.carriedForward.total"]);
    }

    [Fact]
    public void Read_GbkPage_EveryCellOfTables2To4()
    {
        var bytes = File.ReadAllBytes(TestFiles.Data("html/qingshi-2022-gbk.html"));
        Encoding.UTF8.GetString(bytes).ShouldContain("\uFFFD");

        ReportAssert.Cells(ReportFile.Read(bytes).Report, Qingshi);
    }

    [Fact]
    public void Read_GbkPage_KeepsTheMarksOfEmptyCells()
    {
        var proactive = Read("qingshi-2022-gbk.html").Report.Proactive;

        proactive["rules"]!.ShouldAllBe(c => c.Form == CellForm.Slash && c.Text == "/");
        proactive["coercion"]![0].ShouldBe(new Cell(0, "—", CellForm.Dash));
    }

    [Fact]
    public void Read_GbkPage_MetadataFromMetaTags()
    {
        var read = Read("qingshi-2022-gbk.html");

        read.Report.Title.ShouldBe("青石镇2022年政府信息公开工作年度报告");
        read.Report.Agency.ShouldBe("青石镇人民政府");
        read.Report.Year.ShouldBe(2022);
        read.Report.Template.ShouldBe(ReportTemplate.Y2021);
        read.Report.Source.Publisher.ShouldBe("青石镇人民政府");
        read.Report.Source.IssuedOn.ShouldBe(new DateOnly(2023, 1, 16));
        read.Report.Section(0)!.Text.ShouldStartWith("本报告根据");
        read.Report.Section(6)!.Text.ShouldBe("2022年度本机关未收取信息处理费。");
        read.Findings.ShouldBeEmpty();
    }

    private static ReadReport Read(string fixture) => ReportFile.Read(TestFiles.Data(Path.Combine("html", fixture)));
}
