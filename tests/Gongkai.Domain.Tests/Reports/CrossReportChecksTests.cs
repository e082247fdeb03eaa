using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;

namespace Gongkai.Domain.Tests.Reports;

public class CrossReportChecksTests
{
    [Fact]
    public void CrossYear_CarriedOverEqualsLastYearsCarriedForward_NoFindings()
    {
        var previous = SampleReports.Consistent(year: 2021);
        var current = SampleReports.Consistent(year: 2022);
        current.Requests.Set("carriedOver", [.. previous.Requests["carriedForward"]!]);
        current.Proactive.Set("normativeDocuments", [Cell.Of(2), Cell.Of(1), Cell.Of(6)]);

        CrossYearChecks.Check(previous, current).ShouldBeEmpty();
    }

    [Fact]
    public void CrossYear_CarriedOverDiffers_YearCarryPerColumn()
    {
        var previous = SampleReports.Consistent(year: 2021);
        var current = SampleReports.Consistent(year: 2022);

        var findings = CrossYearChecks.Check(previous, current).Where(f => f.Rule == Rules.YearCarry).ToList();

        // carriedOver (2,0,0,0,1,0 | 3) against last year's carriedForward (3,1,0,0,0,0 | 4).
        findings.Select(f => f.Cells[0]).ShouldBe([
            "requests.carriedOver.naturalPerson", "requests.carriedOver.commercialEnterprise",
            "requests.carriedOver.legalServiceProvider", "requests.carriedOver.total",
        ]);
        findings[0].Cells[1].ShouldBe("2021:requests.carriedForward.naturalPerson");
    }

    [Fact]
    public void CrossYear_InForceDoesNotFollowIssuedAndRepealed_YearInForce()
    {
        var previous = SampleReports.Consistent(year: 2021);
        var current = SampleReports.Consistent(year: 2022);
        current.Requests.Set("carriedOver", [.. previous.Requests["carriedForward"]!]);
        // Last year 5 in force; this year 5 issued, 5 repealed: 5 expected, 5 printed for rules.
        current.Proactive.Set("normativeDocuments", [Cell.Of(3), Cell.Of(1), Cell.Of(9)]);

        var finding = CrossYearChecks.Check(previous, current).Single();

        finding.Rule.ShouldBe(Rules.YearInForce);
        finding.Message.ShouldContain("＝7");
    }

    [Fact]
    public void CrossYear_PreviousItemsDoNotFollowLastYearsChange_YearItems()
    {
        var previous = SampleReports.Consistent(ReportTemplate.Y2019, year: 2019);
        var current = SampleReports.Consistent(ReportTemplate.Y2019, year: 2020);
        current.Requests.Set("carriedOver", [.. previous.Requests["carriedForward"]!]);
        // Items 5 + change 5 = 10 expected; every row prints 5.
        var rules = CrossYearChecks.Check(previous, current).Select(f => f.Rule).ToList();

        rules.Count.ShouldBe(5);
        rules.ShouldAllBe(r => r == Rules.YearItems);
    }

    [Fact]
    public void CrossYear_NotConsecutive_NoFindings() =>
        CrossYearChecks.Check(SampleReports.Consistent(year: 2020), SampleReports.Consistent(year: 2022)).ShouldBeEmpty();

    [Fact]
    public void Region_SummaryEqualsSumOfUnits_NoFindings()
    {
        var a = SampleReports.Consistent();
        var b = SampleReports.Consistent();
        var summary = SampleReports.Consistent();
        foreach (var table in new[] { ReportTable.Requests, ReportTable.ReviewLitigation })
        {
            foreach (var key in summary.Table(table).Keys.ToList())
                summary.Table(table).Set(key, [.. a.Table(table)[key]!.Select((c, i) => Cell.Of(c.Value!.Value + b.Table(table)[key]![i].Value!.Value))]);
        }

        RegionChecks.Check(summary, [a, b]).ShouldBeEmpty();
    }

    [Fact]
    public void Region_SummaryDiffersFromUnits_RegionSumOnEachCell()
    {
        var findings = RegionChecks.Check(SampleReports.Consistent(), [SampleReports.Consistent(), SampleReports.Consistent()]);

        findings.ShouldNotBeEmpty();
        findings.ShouldAllBe(f => f.Rule == Rules.RegionSum && f.Cells.Count == 1);
        findings.ShouldContain(f => f.Cells[0] == "requests.newReceived.total");
    }

    [Fact]
    public void Legacy_TotalBlankWhilePartsHoldFigures_LegacySum()
    {
        var report = new AnnualReport { Template = ReportTemplate.Legacy, Year = 2017 };
        report.Indicators.Add(new Indicator("收到申请数", "件", new Cell(null, "", CellForm.Blank), "（一）收到申请数", "依申请公开情况"));
        report.Indicators.Add(new Indicator("当面申请数", "件", new Cell(null, "", CellForm.Blank), "1.当面申请数", "依申请公开情况"));
        report.Indicators.Add(new Indicator("网络申请数", "件", Cell.Of(1), "2.网络申请数", "依申请公开情况"));

        var finding = ReportChecks.Check(report).Single();

        finding.Rule.ShouldBe(Rules.LegacySum);
        finding.Cells.ShouldBe(["indicators.收到申请数", "indicators.当面申请数", "indicators.网络申请数"]);
    }
}
