using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;

namespace Gongkai.Domain.Tests.Reports;

public class ProseChecksTests
{
    private static AnnualReport Report(string overview) =>
        SampleReports.Consistent().WithSection(SectionTopic.Overview, overview);

    private static decimal Total(AnnualReport r, string key) => r.Requests.Value(key, ReportSchema.TotalColumn)!.Value;

    [Theory]
    [InlineData("全年共受理政府信息公开申请{newReceived}件。")]
    [InlineData("本年度共收到政府信息公开申请{newReceived}件，同比增长10%。")]
    [InlineData("全年共辦理依申請公開事項{newReceived}宗,公開{granted}宗。")]
    [InlineData("其中予以公开{granted}件。")]
    [InlineData("结转下年度继续办理{carriedForward}件。")]
    [InlineData("办结{resultsTotal}件。")]
    [InlineData("全年网络申请488件，信函申请64件。")]
    public void Check_ProseAgreesWithTables_NoTextTableFinding(string sentence)
    {
        var probe = SampleReports.Consistent();
        var text = Fill(sentence, probe);

        ReportChecks.Check(Report(text)).ShouldNotContain(f => f.Rule == Rules.TextTable);
    }

    [Theory]
    [InlineData("全年共受理政府信息公开申请9999件。", "requests.newReceived.total")]
    [InlineData("其中予以公开9999件。", "requests.results.granted.total")]
    [InlineData("结转下年度继续办理9999件。", "requests.carriedForward.total")]
    [InlineData("本年度发生行政复议9999件。", "reviewLitigation.review.total")]
    [InlineData("行政诉讼9999件。", "reviewLitigation.litigationWithoutReview.total")]
    [InlineData("其中自然人申请9999件。", "requests.newReceived.naturalPerson")]
    public void Check_ProseContradictsTables_TextTableOnTheCell(string sentence, string cell)
    {
        var finding = ReportChecks.Check(Report(sentence)).Single(f => f.Rule == Rules.TextTable);

        finding.Cells.ShouldContain(cell);
        finding.Message.ShouldContain("9999");
    }

    [Fact]
    public void Check_SectionSixSaysNoFeesButFeeNoticesUnpaid_FeesContradiction()
    {
        var report = SampleReports.Consistent();
        report.Requests.Set("results.other.feeUnpaid", SampleReports.Row(1, 0, 0, 0, 0, 0));
        report.Requests.Set("results.total", [.. report.Requests["results.total"]!.Select((c, i) => Cell.Of(c.Value!.Value + (i is 0 or 6 ? 1 : 0)))]);
        report.Requests.Set("newReceived", [.. report.Requests["newReceived"]!.Select((c, i) => Cell.Of(c.Value!.Value + (i is 0 or 6 ? 1 : 0)))]);

        var finding = ReportChecks.Check(report).Single();

        finding.Rule.ShouldBe(Rules.FeesContradiction);
        finding.Cells.ShouldBe(["requests.results.other.feeUnpaid.total"]);
    }

    [Fact]
    public void Check_SectionSixSaysNoFeesButProseSaysCharged_FeesContradiction()
    {
        var report = Report("本年度收取信息处理费用200元。");

        ReportChecks.Check(report).ShouldContain(f => f.Rule == Rules.FeesContradiction);
    }

    [Fact]
    public void Check_SectionSixSilentOnFees_FeesUnstated()
    {
        var report = SampleReports.Consistent().WithSection(SectionTopic.OtherMatters, "无其他需要报告的事项。");

        ReportChecks.Check(report).Single().Rule.ShouldBe(Rules.FeesUnstated);
    }

    [Theory]
    [InlineData("无。")]
    [InlineData("暂无")]
    [InlineData("需进一步改进。")]
    public void Check_ProblemsSectionIsATokenLine_SectionToken(string text)
    {
        var report = SampleReports.Consistent().WithSection(SectionTopic.Problems, text);

        ReportChecks.Check(report).Single().Rule.ShouldBe(Rules.SectionToken);
    }

    [Fact]
    public void Check_ProblemsSectionMissing_SectionMissing()
    {
        var report = SampleReports.Consistent();
        report.Sections.RemoveAll(s => s.Topic == SectionTopic.Problems);

        var finding = ReportChecks.Check(report).Single();

        finding.Rule.ShouldBe(Rules.SectionMissing);
        finding.Message.ShouldContain("存在的主要问题及改进情况");
    }

    [Fact]
    public void Check_TableAnnouncedButEmpty_TableEmpty()
    {
        var report = SampleReports.Consistent();
        foreach (var key in report.ReviewLitigation.Keys.ToList())
            report.ReviewLitigation.Remove(key);

        ReportChecks.Check(report).Single().Rule.ShouldBe(Rules.TableEmpty);
    }

    [Theory]
    [InlineData("现将本机关2021年政府信息公开工作年度报告公布如下。")]
    [InlineData("本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。")]
    public void Check_AnotherYearPresentedAsReportYear_ReportYear(string sentence)
    {
        var finding = ReportChecks.Check(Report(sentence)).Single();

        finding.Rule.ShouldBe(Rules.ReportYear);
        finding.Message.ShouldContain("2021");
    }

    [Fact]
    public void Check_2022ReportIn2019Template_TemplateMismatch()
    {
        var report = SampleReports.Consistent(ReportTemplate.Y2019, year: 2022);

        ReportChecks.Check(report).Single().Rule.ShouldBe(Rules.TemplateMismatch);
    }

    private static string Fill(string sentence, AnnualReport r) => sentence
        .Replace("{newReceived}", Total(r, "newReceived").ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{granted}", Total(r, "results.granted").ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{carriedForward}", Total(r, "carriedForward").ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{resultsTotal}", Total(r, "results.total").ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
