using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;

namespace Gongkai.Domain.Tests.Reports;

public class ReportComparisonTests
{
    [Fact]
    public void Changes_ListsOnlyTheCellsThatDiffer()
    {
        var previous = SampleReports.Consistent(year: 2021);
        var current = SampleReports.Consistent(year: 2022);
        current.SetCell("reviewLitigation.review.pending", Cell.Of(5));

        var change = ReportComparison.Changes(previous, current).ShouldHaveSingleItem();

        (change.Path, change.Previous, change.Current, change.Delta).ShouldBe(("reviewLitigation.review.pending", 2m, 5m, 3m));
    }

    [Fact]
    public void Repetition_CopiedSectionWithNewFiguresIsFullyRepeated()
    {
        var previous = SampleReports.Consistent(year: 2021).WithSection(SectionTopic.Problems,
            "2021年，我局政务公开工作仍存在一些不足：一是主动公开的意识不够强；二是解读形式较为单一。下一步将加强培训。");
        var current = SampleReports.Consistent(year: 2022).WithSection(SectionTopic.Problems,
            "2022年，我局政務公開工作仍存在一些不足：一是主動公開的意識不夠強；二是解讀形式較為單一。下一步將加強培訓。");

        var problems = ReportComparison.Repetition(previous, current).Single(r => r.Topic == SectionTopic.Problems);

        problems.Rate.ShouldBe(1.0);
    }

    [Fact]
    public void Repetition_NewTextIsNotRepeated()
    {
        ReportComparison.Rate("本年度依法做好政府信息公开工作，完善制度。", "针对群众反映的住房保障问题，新开设专题栏目并发布解读材料。").ShouldBe(0.0);
    }

    [Fact]
    public void Sum_OfUnitsPassesTheRegionCheck()
    {
        var units = new[] { SampleReports.Consistent(), SampleReports.Consistent(), SampleReports.Consistent() };

        var summary = ReportSummation.Sum(ReportTemplate.Y2021, 2022, "示范市", units);

        summary.Requests.Value("newReceived", ReportSchema.TotalColumn).ShouldBe(units[0].Requests.Value("newReceived", ReportSchema.TotalColumn) * 3);
        RegionChecks.Check(summary, units).ShouldBeEmpty();
        TableChecks(summary).ShouldBeEmpty();
    }

    private static IEnumerable<Finding> TableChecks(AnnualReport report) =>
        ReportChecks.Check(report).Where(f => f.Rule.StartsWith("requests.", StringComparison.Ordinal) || f.Rule == Rules.ReviewTotal);
}
