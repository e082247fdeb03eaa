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
    [InlineData("其中予以公开及部分公开{grantedAndPartial}件，不予公开{denied}件，无法提供{unavailable}件，不予处理{notProcessed}件，其他处理{other}件。")]
    [InlineData("予以公开和部分公开的申请共{grantedAndPartial}件，不予公开和无法提供{deniedAndUnavailable}件。")]
    [InlineData("同意公开答复{granted}件，部分公开答复{partial}件。")]
    [InlineData("本年度新收政府信息公开申请{newReceived}件，上年结转{carriedOver}件，办结{resultsTotal}件，结转下年度继续办理{carriedForward}件。")]
    [InlineData("全年发生政府信息公开行政复议6件，其中维持3件，纠正1件，尚未审结2件；行政诉讼4件。")]
    [InlineData("直接起诉3件，复议后起诉1件。")]
    [InlineData("本年度制发行政规范性文件5件，废止5件，现行有效规范性文件5件。")]
    [InlineData("与上年相比，收到申请增加30件。")]
    [InlineData("较上年受理申请减少了12件。")]
    [InlineData("2021年受理政府信息公开申请300件。")]
    [InlineData("受理行政许可申请2345件。")]
    [InlineData("本年度行政事业性收费5.0万元。")]
    [InlineData("行政事业性收费50000元。")]
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
    [InlineData("予以公开及部分公开9999件。", "requests.results.partiallyGranted.total")]
    [InlineData("不予公开和无法提供9999件。", "requests.results.unavailable.notHeld.total")]
    [InlineData("无法提供9999件。", "requests.results.unavailable.needsCreation.total")]
    [InlineData("不予公开9999件。", "requests.results.denied.stateSecret.total")]
    [InlineData("不予处理9999件。", "requests.results.notProcessed.duplicate.total")]
    [InlineData("其他处理9999件。", "requests.results.other.noCorrection.total")]
    [InlineData("上年结转9999件。", "requests.carriedOver.total")]
    [InlineData("共答复政府信息公开申请9999件。", "requests.results.total.total")]
    [InlineData("行政复议6件，其中维持9999件。", "reviewLitigation.review.upheld")]
    [InlineData("复议后起诉9999件。", "reviewLitigation.litigationAfterReview.total")]
    [InlineData("制发行政规范性文件9999件。", "proactive.normativeDocuments.issued")]
    [InlineData("现行有效的行政规范性文件9999件。", "proactive.normativeDocuments.inForce")]
    [InlineData("因申请人逾期未缴纳费用不再处理的申请9999件。", "requests.results.other.feeUnpaid.total")]
    [InlineData("行政事业性收费9999万元。", "proactive.fees.amount")]
    public void Check_ProseContradictsTables_TextTableOnTheCell(string sentence, string cell)
    {
        var finding = ReportChecks.Check(Report(sentence)).Single(f => f.Rule == Rules.TextTable);

        finding.Cells.ShouldContain(cell);
        finding.Message.ShouldContain("9999");
    }

    [Theory]
    [InlineData("本年度未发生政府信息公开行政复议。", "reviewLitigation.review.total")]
    [InlineData("全年未发生因政府信息公开引起的行政复议和行政诉讼。", "reviewLitigation.litigationWithoutReview.total")]
    [InlineData("本年度未收到政府信息公开申请。", "requests.newReceived.total")]
    public void Check_ProseSaysNoneButTableHasSome_TextTable(string sentence, string cell)
    {
        var finding = ReportChecks.Check(Report(sentence)).First(f => f.Rule == Rules.TextTable && f.Cells.Contains(cell));

        finding.Message.ShouldContain("称未");
    }

    /// <summary>The report of the issue: 258 and 265 in the prose, 275 and 337 in the table.</summary>
    [Fact]
    public void Check_CombinedCategoriesDisagree_FindingQuotesTheSentenceAndNamesTheCells()
    {
        var report = SampleReports.Consistent();
        report.SetCell("requests.results.granted.total", Cell.Of(240));
        report.SetCell("requests.results.partiallyGranted.total", Cell.Of(35));
        report.SetCell("requests.results.unavailable.notHeld.total", Cell.Of(330));
        report.SetCell("requests.results.unavailable.needsCreation.total", Cell.Of(7));
        report.SetCell("requests.results.unavailable.unclearAfterCorrection.total", Cell.Of(0));
        report = report.WithSection(SectionTopic.Requests, "本年度予以公开及部分公开258件，无法提供265件。");

        var findings = ReportChecks.Check(report).Where(f => f.Rule == Rules.TextTable).ToList();

        findings.Count.ShouldBe(2);
        findings[0].Message.ShouldBe("正文“本年度予以公开及部分公开258件,无法提供265件”称予以公开及部分公开258件，但表三“（一）予以公开”与“（二）部分公开”两行“总计”栏之和为275");
        findings[0].Cells.ShouldBe(["requests.results.granted.total", "requests.results.partiallyGranted.total"]);
        findings[1].Message.ShouldContain("称无法提供265件，但表三“（四）无法提供”各项的“总计”栏之和为337");
        findings[1].Cells.ShouldBe(["requests.results.unavailable.notHeld.total", "requests.results.unavailable.needsCreation.total", "requests.results.unavailable.unclearAfterCorrection.total"]);
    }

    [Fact]
    public void Claims_CombinedCategory_NotReadAgainAsItsLastPart()
    {
        var report = Report("予以公开及部分公开20件。");

        var claim = ProseClaims.Find(report).ShouldHaveSingleItem();

        claim.What.ShouldBe("予以公开及部分公开");
        claim.Stated.ShouldBe(20);
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

    private static decimal Group(AnnualReport r, string prefix) =>
        r.Rows(ReportTable.Requests).Where(d => d.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(d => Total(r, d.Key));

    private static string Fill(string sentence, AnnualReport r) => sentence
        .Replace("{grantedAndPartial}", S(Total(r, "results.granted") + Total(r, "results.partiallyGranted")), StringComparison.Ordinal)
        .Replace("{partial}", S(Total(r, "results.partiallyGranted")), StringComparison.Ordinal)
        .Replace("{denied}", S(Group(r, "results.denied.")), StringComparison.Ordinal)
        .Replace("{unavailable}", S(Group(r, "results.unavailable.")), StringComparison.Ordinal)
        .Replace("{deniedAndUnavailable}", S(Group(r, "results.denied.") + Group(r, "results.unavailable.")), StringComparison.Ordinal)
        .Replace("{notProcessed}", S(Group(r, "results.notProcessed.")), StringComparison.Ordinal)
        .Replace("{other}", S(Group(r, "results.other")), StringComparison.Ordinal)
        .Replace("{carriedOver}", S(Total(r, "carriedOver")), StringComparison.Ordinal)
        .Replace("{newReceived}", Total(r, "newReceived").ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{granted}", Total(r, "results.granted").ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{carriedForward}", Total(r, "carriedForward").ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{resultsTotal}", Total(r, "results.total").ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string S(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
