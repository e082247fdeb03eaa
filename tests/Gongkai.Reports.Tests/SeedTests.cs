using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Tests;

/// <summary>
/// The five published reports of tests/data/seeds, read cell by cell. Every expected figure was
/// transcribed by hand from the seed text; a change in the reader that moves one cell fails here.
/// </summary>
public class SeedTests
{
    private static readonly decimal?[] Zero7 = [0, 0, 0, 0, 0, 0, 0];
    private static readonly decimal?[] Zero5 = [0, 0, 0, 0, 0];

    // 深圳市住房和建设局 2020 (2019 template, Traditional, one cell per line).
    private static readonly Dictionary<string, decimal?[]> Seed000 = new()
    {
        ["proactive.rules"] = [1, 1, 1],
        ["proactive.normativeDocuments"] = [17, 17, 17],
        ["proactive.licensing"] = [37, 16, 11907],
        ["proactive.otherServices"] = [58, -7, 10185],
        ["proactive.penalties"] = [351, -99, 252],
        ["proactive.coercion"] = [0, 61, 61],
        ["proactive.fees"] = [0, 0],
        ["proactive.procurement"] = [53, 215450.48m],
        ["requests.newReceived"] = [154, 8, 0, 0, 1, 32, 195],
        ["requests.carriedOver"] = [3, 1, 0, 0, 1, 0, 5],
        ["requests.results.granted"] = [105, 4, 0, 0, 0, 1, 110],
        ["requests.results.partiallyGranted"] = [2, 0, 0, 0, 0, 4, 6],
        ["requests.results.denied.stateSecret"] = Zero7,
        ["requests.results.denied.prohibitedByLaw"] = Zero7,
        ["requests.results.denied.threeSecurityOneStability"] = [1, 0, 0, 0, 0, 0, 1],
        ["requests.results.denied.thirdPartyRights"] = [1, 0, 0, 0, 0, 0, 1],
        ["requests.results.denied.internalAffairs"] = Zero7,
        ["requests.results.denied.processInformation"] = Zero7,
        ["requests.results.denied.enforcementCaseFile"] = Zero7,
        ["requests.results.denied.administrativeQuery"] = [4, 0, 0, 0, 0, 0, 4],
        ["requests.results.unavailable.notHeld"] = [13, 2, 0, 0, 1, 0, 16],
        ["requests.results.unavailable.needsCreation"] = [1, 0, 0, 0, 0, 0, 1],
        ["requests.results.unavailable.unclearAfterCorrection"] = Zero7,
        ["requests.results.notProcessed.petitionOrComplaint"] = Zero7,
        ["requests.results.notProcessed.duplicate"] = [4, 0, 0, 0, 0, 0, 4],
        ["requests.results.notProcessed.publication"] = [2, 0, 0, 0, 0, 0, 2],
        ["requests.results.notProcessed.massRepeated"] = Zero7,
        ["requests.results.notProcessed.confirmOrReissue"] = Zero7,
        ["requests.results.other"] = [20, 1, 0, 0, 0, 0, 21],
        ["requests.results.total"] = [154, 8, 0, 0, 1, 32, 195],
        ["requests.carriedForward"] = Zero7,
        ["reviewLitigation.review"] = [2, 0, 0, 1, 3],
        ["reviewLitigation.litigationWithoutReview"] = [0, 0, 0, 1, 1],
        ["reviewLitigation.litigationAfterReview"] = [1, 0, 0, 0, 1],
    };

    // 深圳市人民政府 2020 (2019 template; 万宗 header; 万元 in a cell; two header labels lost).
    private static readonly Dictionary<string, decimal?[]> Seed001 = new()
    {
        ["proactive.rules"] = [15, 15, 266],
        ["proactive.normativeDocuments"] = [328, 328, 2147],
        ["proactive.licensing"] = [1125, -98, 1339407],
        ["proactive.otherServices"] = [2389, 35, 17413607],
        ["proactive.penalties"] = [30690, 1704, 7530000],
        ["proactive.coercion"] = [1464, -322, 320000],
        ["proactive.fees"] = [39, 0],
        ["proactive.procurement"] = [41655, 4855733.96m],
        ["requests.newReceived"] = [5432, 377, 14, 32, 21, 39, 5915],
        ["requests.carriedOver"] = [83, 10, 0, 1, 0, 1, 95],
        ["requests.results.granted"] = [1789, 184, 7, 28, 7, 26, 2041],
        ["requests.results.partiallyGranted"] = [615, 26, 2, 3, 0, 8, 654],
        ["requests.results.denied.stateSecret"] = [9, 1, 0, 0, 0, 0, 10],
        ["requests.results.denied.prohibitedByLaw"] = [14, 1, 0, 0, 0, 0, 15],
        ["requests.results.denied.threeSecurityOneStability"] = [4, 0, 0, 0, 0, 0, 4],
        ["requests.results.denied.thirdPartyRights"] = [54, 3, 0, 0, 0, 0, 57],
        ["requests.results.denied.internalAffairs"] = [74, 2, 1, 0, 2, 0, 79],
        ["requests.results.denied.processInformation"] = [237, 3, 0, 0, 0, 2, 242],
        ["requests.results.denied.enforcementCaseFile"] = [63, 3, 0, 0, 2, 0, 68],
        ["requests.results.denied.administrativeQuery"] = [38, 3, 0, 0, 0, 1, 42],
        ["requests.results.unavailable.notHeld"] = [1705, 90, 2, 2, 2, 3, 1804],
        ["requests.results.unavailable.needsCreation"] = [102, 3, 0, 0, 0, 0, 105],
        ["requests.results.unavailable.unclearAfterCorrection"] = [14, 3, 0, 0, 0, 0, 17],
        ["requests.results.notProcessed.petitionOrComplaint"] = [45, 2, 0, 0, 0, 0, 47],
        ["requests.results.notProcessed.duplicate"] = [61, 4, 0, 0, 0, 0, 65],
        ["requests.results.notProcessed.publication"] = [1, 0, 0, 0, 0, 0, 1],
        ["requests.results.notProcessed.massRepeated"] = [1, 0, 0, 0, 0, 0, 1],
        ["requests.results.notProcessed.confirmOrReissue"] = Zero7,
        ["requests.results.other"] = [542, 46, 2, 0, 8, 0, 598],
        ["requests.results.total"] = [5368, 374, 14, 33, 21, 40, 5850],
        ["requests.carriedForward"] = [147, 13, 0, 0, 0, 0, 160],
        ["reviewLitigation.review"] = [59, 10, 22, 17, 108],
        ["reviewLitigation.litigationWithoutReview"] = [28, 8, 23, 26, 85],
        ["reviewLitigation.litigationAfterReview"] = [16, 1, 5, 26, 48],
    };

    // 根河市住建局 2020 (2019 template, pipe rows with a lost header, the garbled sign ?3).
    private static readonly Dictionary<string, decimal?[]> Seed002 = new()
    {
        ["proactive.rules"] = [0, 0, 0],
        ["proactive.normativeDocuments"] = [0, 0, 0],
        ["proactive.licensing"] = [11, -1, 20],
        ["proactive.otherServices"] = [85, null, 11],
        ["proactive.penalties"] = [0, 0, 0],
        ["proactive.coercion"] = [0, 0, 0],
        ["proactive.fees"] = [4, 0],
        ["proactive.procurement"] = [0, 0],
        ["reviewLitigation.review"] = Zero5,
        ["reviewLitigation.litigationWithoutReview"] = Zero5,
        ["reviewLitigation.litigationAfterReview"] = Zero5,
    };

    // 深圳市龙岗区 2022 (2021 template, page noise, pinyin annotations, blank lines between cells).
    private static readonly Dictionary<string, decimal?[]> Seed003 = new()
    {
        ["proactive.rules"] = [0, 0, 0],
        ["proactive.normativeDocuments"] = [46, 11, 136],
        ["proactive.licensing"] = [16103],
        ["proactive.penalties"] = [34389],
        ["proactive.coercion"] = [7749],
        ["proactive.fees"] = [2.22934m],
        ["requests.newReceived"] = [489, 51, 0, 0, 8, 4, 552],
        ["requests.carriedOver"] = [9, 1, 0, 0, 0, 0, 10],
        ["requests.results.granted"] = [63, 1, 0, 0, 1, 1, 66],
        ["requests.results.partiallyGranted"] = [36, 0, 0, 0, 0, 0, 36],
        ["requests.results.denied.stateSecret"] = [1, 0, 0, 0, 0, 0, 1],
        ["requests.results.denied.prohibitedByLaw"] = Zero7,
        ["requests.results.denied.threeSecurityOneStability"] = Zero7,
        ["requests.results.denied.thirdPartyRights"] = [7, 0, 0, 0, 0, 0, 7],
        ["requests.results.denied.internalAffairs"] = [5, 2, 0, 0, 0, 1, 8],
        ["requests.results.denied.processInformation"] = [10, 0, 0, 0, 0, 0, 10],
        ["requests.results.denied.enforcementCaseFile"] = [3, 0, 0, 0, 0, 0, 3],
        ["requests.results.denied.administrativeQuery"] = [1, 0, 0, 0, 0, 0, 1],
        ["requests.results.unavailable.notHeld"] = [246, 29, 0, 0, 6, 2, 283],
        ["requests.results.unavailable.needsCreation"] = [2, 0, 0, 0, 0, 0, 2],
        ["requests.results.unavailable.unclearAfterCorrection"] = Zero7,
        ["requests.results.notProcessed.petitionOrComplaint"] = Zero7,
        ["requests.results.notProcessed.duplicate"] = Zero7,
        ["requests.results.notProcessed.publication"] = Zero7,
        ["requests.results.notProcessed.massRepeated"] = Zero7,
        ["requests.results.notProcessed.confirmOrReissue"] = Zero7,
        ["requests.results.other.noCorrection"] = [2, 0, 0, 0, 0, 0, 2],
        ["requests.results.other.feeUnpaid"] = Zero7,
        ["requests.results.other.other"] = [97, 18, 0, 0, 1, 0, 116],
        ["requests.results.total"] = [473, 50, 0, 0, 8, 4, 535],
        ["requests.carriedForward"] = [25, 2, 0, 0, 0, 0, 27],
        ["reviewLitigation.review"] = [7, 2, 1, 5, 15],
        ["reviewLitigation.litigationWithoutReview"] = [19, 0, 2, 11, 32],
        ["reviewLitigation.litigationAfterReview"] = [4, 0, 0, 2, 6],
    };

    public static TheoryData<string, string, int, string> Metadata => new()
    {
        { "000", "深圳市住房和建设局", 2020, "2019" },
        { "001", "深圳市人民政府", 2020, "2019" },
        { "002", "根河市住建局", 2020, "2019" },
        { "003", "深圳市龙岗区人民政府", 2022, "2021" },
        { "004", "高港区住房和城乡建设局", 2017, "legacy" },
    };

    [Theory]
    [MemberData(nameof(Metadata))]
    public void Read_Seed_FindsAgencyYearAndTemplate(string seed, string agency, int year, string template)
    {
        var report = ReportFile.Read(TestFiles.Seed(seed)).Report;

        report.Agency.ShouldBe(agency);
        report.Year.ShouldBe(year);
        report.Template.Id().ShouldBe(template);
    }

    [Fact]
    public void Read_Seed000_EveryCellOfTables2To4() => AssertCells("000", Seed000);

    [Fact]
    public void Read_Seed001_EveryCellOfTables2To4() => AssertCells("001", Seed001);

    [Fact]
    public void Read_Seed002_EveryCellOfTables2To4()
    {
        var expected = new Dictionary<string, decimal?[]>(Seed002);
        foreach (var row in ReportSchema.Rows(ReportTemplate.Y2019, ReportTable.Requests))
            expected["requests." + row.Key] = Zero7;
        AssertCells("002", expected);
    }

    [Fact]
    public void Read_Seed003_EveryCellOfTables2To4() => AssertCells("003", Seed003);

    [Fact]
    public void Read_Seed001_HonoursUnitsAndKeepsPrintedText()
    {
        var report = ReportFile.Read(TestFiles.Seed("001")).Report;

        var penalties = report.Proactive["penalties"]!;
        penalties[2].Value.ShouldBe(7530000m);
        penalties[2].Text.ShouldBe("753");
        var procurement = report.Proactive["procurement"]!;
        procurement[1].Value.ShouldBe(4855733.96m);
        procurement[1].Text.ShouldBe("4855733.96萬元");
    }

    [Fact]
    public void Check_Seed000_FindsBalanceAndResultsSum()
    {
        var findings = ReportFile.Read(TestFiles.Seed("000")).Findings;

        var rules = findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Distinct().ToList();
        rules.ShouldBe(["requests.balance", "requests.results-sum"], ignoreOrder: true);
        var total = findings.Single(f => f.Rule == "requests.balance" && f.Cells.Contains("requests.newReceived.total"));
        total.Cells.ShouldBe(["requests.newReceived.total", "requests.carriedOver.total", "requests.results.total.total", "requests.carriedForward.total"]);
        total.Origin.ShouldBe(FindingOrigin.Report);
        findings.ShouldContain(f => f.Rule == "requests.results-sum" && f.Cells.Contains("requests.results.total.total"));
    }

    [Theory]
    [InlineData("001")]
    [InlineData("003")]
    public void Check_ConsistentSeed_NoErrorFindings(string seed)
    {
        var findings = ReportFile.Read(TestFiles.Seed(seed)).Findings;

        findings.Where(f => f.Severity == Severity.Error).ShouldBeEmpty();
    }

    [Fact]
    public void Check_Seed002_GarbledSignIsUnreadableNotGuessed()
    {
        var read = ReportFile.Read(TestFiles.Seed("002"));

        var cell = read.Report.Proactive["otherServices"]![1];
        cell.Value.ShouldBeNull();
        cell.Form.ShouldBe(CellForm.Unreadable);
        cell.Text.ShouldBe("?3");
        var finding = read.Findings.ShouldHaveSingleItem();
        finding.Rule.ShouldBe("cell.unreadable");
        finding.Cells.ShouldBe(["proactive.otherServices.change"]);
        finding.Origin.ShouldBe(FindingOrigin.Reading);
    }

    [Fact]
    public void Read_Seed002_TotalRowIsTheZeroRowNotTheHeadersEmptyCells()
    {
        var total = ReportFile.Read(TestFiles.Seed("002")).Report.Requests["results.total"]!;

        total.ShouldAllBe(c => c.Form == CellForm.Number && c.Value == 0);
    }

    [Fact]
    public void Read_SubheadingAboveATable_StaysInTheSectionsProse()
    {
        var report = ReportFile.ReadText("""
            某局2022年政府信息公开工作年度报告
            四、政府信息公开行政复议、行政诉讼情况
            （一）复议诉讼基本情况
            行政复议 | 行政诉讼
            | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
            """).Report;

        report.Section(4)!.Text.ShouldBe("（一）复议诉讼基本情况");
    }

    [Fact]
    public void Read_Seed004_LegacyIndicators()
    {
        var report = ReportFile.Read(TestFiles.Seed("004")).Report;

        report.Template.ShouldBe(ReportTemplate.Legacy);
        report.Requests.IsEmpty.ShouldBeTrue();
        report.Indicators.Count.ShouldBe(85);
        Indicator(report, "主动公开政府信息数").ShouldBe(("条", 480m));
        Indicator(report, "政府网站公开政府信息数").ShouldBe(("条", 245m));
        Indicator(report, "收到申请数").ShouldBe(("件", null));
        Indicator(report, "网络申请数").ShouldBe(("件", 1m));
        Indicator(report, "举报投诉数量").ShouldBe(("件", 675m));
        Indicator(report, "依申请公开信息收取的费用").ShouldBe(("万元", 0m));
        Indicator(report, "接受培训人员数").ShouldBe(("人次", 23m));
        Indicator(report, "政务服务事项不见面占比").ShouldBe(("%", 80m));
        Indicator(report, "提交电子证照数").ShouldBe(("件", 0m));
        report.Indicators.First().Printed.ShouldBe("(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条)");
    }

    [Fact]
    public void Read_Seed004_PageMetadata()
    {
        var source = ReportFile.Read(TestFiles.Seed("004")).Report.Source;

        source.IndexNumber.ShouldBe("014421017/2018-00546");
        source.Publisher.ShouldBe("医药高新区(高港区)住房和城乡建设局");
        source.IssuedOn.ShouldBe(new DateOnly(2018, 2, 28));
        source.Category.ShouldBe("信息公开年报");
    }

    [Fact]
    public void Read_Seed003_SectionsWithoutPageNoise()
    {
        var report = ReportFile.Read(TestFiles.Seed("003")).Report;

        report.Title.ShouldBe("深圳市龙岗区2022年政府信息公开工作年度报告");
        report.Sections.Where(s => s.Number > 0).Select(s => s.Topic).ShouldBe(
        [
            SectionTopic.Overview, SectionTopic.Proactive, SectionTopic.Requests,
            SectionTopic.ReviewLitigation, SectionTopic.Problems, SectionTopic.OtherMatters,
        ]);
        report.Section(6)!.Text.ShouldBe("本年度龍崗區無發出收費通知,無收取信息處理費用。");
        report.Sections.ShouldAllBe(s => !s.Text.Contains("精品") && !s.Text.Contains("(dāng)"));
    }

    private static (string, decimal?) Indicator(AnnualReport report, string label)
    {
        var i = report.Indicators.First(x => x.Label == label);
        return (i.Unit, i.Value.Value);
    }

    private static void AssertCells(string seed, Dictionary<string, decimal?[]> expected) =>
        ReportAssert.Cells(ReportFile.Read(TestFiles.Seed(seed)).Report, expected);
}
