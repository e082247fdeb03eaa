using Gongkai.Domain.Agencies;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Domain.Reports.Generation;

namespace Gongkai.Domain.Tests.Reports.Generation;

/// <summary>
/// Issue 14 row 1: whose records a government's report counts — its own, its departments and 办公室 by default, a
/// subordinate government or township when it so decides (with what that unit's report covers) — never one twice.
/// </summary>
public sealed class ReportScopeTests
{
    // 1 city: 2 office, 3 police, 4 district (5 its office, 6 its street, 7 a department of the police: 派出机构), 8 a township.
    private static readonly ScopeNode[] Tree =
    [
        new(1, null, AgencyLevel.City), new(2, 1, AgencyLevel.Department), new(3, 1, AgencyLevel.Department), new(4, 1, AgencyLevel.County),
        new(5, 4, AgencyLevel.Department), new(6, 4, AgencyLevel.Township), new(7, 3, AgencyLevel.Department), new(8, 1, AgencyLevel.Township),
    ];

    private static ReportScope Scope(params ((int, int) Key, bool Included)[] choices) =>
        new(Tree, choices.ToDictionary(c => c.Key, c => c.Included));

    [Fact]
    public void Units_NothingDecided_TheGovernmentsDepartmentsAndOffice()
    {
        var scope = Scope();

        scope.Units(1).ShouldBe([2, 3]);
        scope.Units(4).ShouldBe([5]);
        scope.Units(3).ShouldBeEmpty("a department's report is its own, 派出机构 or not");
        scope.Counted(1).ShouldBe([1, 2, 3], ignoreOrder: true);
    }

    [Fact]
    public void Units_TheGovernmentDecides_SubordinateGovernmentWithWhatItsReportCovers()
    {
        var scope = Scope(((1, 3), false), ((1, 4), true), ((4, 6), true));

        scope.Units(1).ShouldBe([2, 4]);
        scope.Counted(1).ShouldBe([1, 2, 4, 5, 6], ignoreOrder: true);
        scope.CountedIn(6).ShouldBe([6, 4, 1]);
        scope.CountedIn(3).ShouldBe([3]);
        scope.Covers(1, 5).ShouldBeFalse("only a unit directly under the government");
    }

    [Fact]
    public void WithoutOverlap_AUnitAndTheGovernmentCoveringIt_CountedOnce()
    {
        var scope = Scope(((4, 6), true));

        var (summed, coveredBy) = scope.WithoutOverlap([4, 5, 6, 3, 7]);

        summed.ShouldBe([3, 4, 7]);
        coveredBy.ShouldBe(new Dictionary<int, int> { [5] = 4, [6] = 4 });
    }

    [Fact]
    public void RegionChecks_Government_IsItsOwnPartPlusItsUnits()
    {
        var own = SampleReports.Consistent();
        var unit = SampleReports.Consistent();
        var government = ReportSummation.Sum(ReportTemplate.Y2021, own.Year!.Value, "测试市人民政府", [own, unit]);

        RegionChecks.Check(government, own, [unit]).ShouldBeEmpty();
        var findings = RegionChecks.Check(government, own, [unit, SampleReports.Consistent()]);
        findings.ShouldNotBeEmpty();
        findings[0].Message.ShouldContain("但本级和所含2个单位的报告之和为");
    }

    /// <summary>Issue 14 row 2: the year is over only after 31 December; a report is published then, from figures counted then.</summary>
    [Theory]
    [InlineData("2026-06-01", "2026-06-01", "2026年度尚未结束，年度报告须在2026年12月31日之后发布（草稿可以随时生成）。")]
    [InlineData("2026-12-31", "2026-12-31", "2026年度尚未结束，年度报告须在2026年12月31日之后发布（草稿可以随时生成）。")]
    [InlineData("2027-01-05", "2026-12-31", "报告的数据统计于2026-12-31，不是全年数据，请重新生成后再发布。")]
    [InlineData("2027-01-05", "2027-01-04", null)]
    public void PublishingRefusal_BeforeTheYearIsOver(string publishing, string counted, string? refusal) =>
        ReportPeriod.PublishingRefusal(2026, D(publishing), D(counted)).ShouldBe(refusal);

    [Fact]
    public void Draft_ExpiredDocumentsUnitsAndPartialYear_SaidInTheProse()
    {
        var report = SampleReports.Consistent();
        report.Agency = "测试市人民政府";
        var facts = new DraftFacts(0, 0, RulesExpired: 0, DocumentsExpired: 2) { Units = ["测试市人民政府办公室", "测试市公安局"], PartialUntil = D("2022-06-01") };

        var sections = ReportDraft.Sections(report, facts);

        sections[0].Text.ShouldContain("本报告统计数据包括测试市人民政府本级和测试市人民政府办公室、测试市公安局共2个单位的情况。");
        sections[0].Text.ShouldEndWith("（本稿为年度中间稿，数据截至2022年6月1日。）");
        sections[2].Text.ShouldContain("废止规章5件、行政规范性文件5件（含自然失效2件）");
        ReportChecks.Check(report).ShouldBeEmpty();
    }

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
