using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;

namespace Gongkai.Domain.Tests.Reports;

public class TableChecksTests
{
    [Theory]
    [InlineData(ReportTemplate.Y2021)]
    [InlineData(ReportTemplate.Y2019)]
    public void Check_ConsistentReport_NoFindings(ReportTemplate template) =>
        ReportChecks.Check(SampleReports.Consistent(template)).ShouldBeEmpty();

    [Fact]
    public void Check_ReceivedPlusCarriedOverDiffersFromHandledPlusCarriedForward_Balance()
    {
        var report = SampleReports.Consistent();
        report.Requests.Set("carriedForward", SampleReports.Row(3, 1, 0, 0, 0, 5));

        var findings = ReportChecks.Check(report);

        var otherColumn = findings.Single(f => f.Rule == Rules.RequestsBalance && f.Cells.Contains("requests.newReceived.otherOrganization"));
        otherColumn.Cells.ShouldBe([
            "requests.newReceived.otherOrganization", "requests.carriedOver.otherOrganization",
            "requests.results.total.otherOrganization", "requests.carriedForward.otherOrganization",
        ]);
        otherColumn.Severity.ShouldBe(Severity.Error);
        otherColumn.Message.ShouldContain("相差-5");
        findings.ShouldContain(f => f.Rule == Rules.RequestsBalance && f.Cells.Contains("requests.newReceived.total"));
    }

    [Fact]
    public void Check_TotalRowRepeatsReceivedRow_ResultsSumAndBalance()
    {
        // Seed 000's mistake: （七）总计 copied from 一、本年新收.
        var report = SampleReports.Consistent(ReportTemplate.Y2019);
        report.Requests.Set("results.total", [.. report.Requests["newReceived"]!]);

        var rules = ReportChecks.Check(report).Select(f => f.Rule).Distinct();

        rules.ShouldBe([Rules.RequestsBalance, Rules.RequestsResultsSum], ignoreOrder: true);
    }

    [Fact]
    public void Check_ApplicantColumnsDoNotAddUpToTotal_RowTotal()
    {
        var report = SampleReports.Consistent();
        report.SetCell("requests.results.granted.total", Cell.Of(99));

        var finding = ReportChecks.Check(report).Single(f => f.Rule == Rules.RequestsRowTotal);

        finding.Cells.Count.ShouldBe(7);
        finding.Cells.ShouldContain("requests.results.granted.total");
    }

    [Theory]
    [InlineData("review")]
    [InlineData("litigationWithoutReview")]
    [InlineData("litigationAfterReview")]
    public void Check_ReviewGroupDoesNotAddUp_ReviewTotal(string group)
    {
        var report = SampleReports.Consistent();
        report.SetCell($"reviewLitigation.{group}.pending", Cell.Of(40));

        var finding = ReportChecks.Check(report).Single();

        finding.Rule.ShouldBe(Rules.ReviewTotal);
        finding.Cells.ShouldContain($"reviewLitigation.{group}.total");
    }

    [Fact]
    public void Check_NegativeCount_CellNegative()
    {
        var report = SampleReports.Consistent(ReportTemplate.Y2019);
        report.SetCell("proactive.licensing.decisions", Cell.Of(-3));

        ReportChecks.Check(report).Single().Rule.ShouldBe(Rules.CellNegative);
    }

    [Fact]
    public void Check_NegativeChangeOfItems_Allowed()
    {
        var report = SampleReports.Consistent(ReportTemplate.Y2019);
        report.SetCell("proactive.licensing.change", Cell.Of(-3));

        ReportChecks.Check(report).ShouldBeEmpty();
    }

    [Fact]
    public void Check_UnreadableCell_ReportedAsReadingAndArithmeticSkipped()
    {
        var report = SampleReports.Consistent();
        report.SetCell("requests.newReceived.naturalPerson", Cell.Unreadable("?3"));

        var finding = ReportChecks.Check(report).ShouldHaveSingleItem();

        finding.Rule.ShouldBe(Rules.CellUnreadable);
        finding.Origin.ShouldBe(FindingOrigin.Reading);
        finding.Cells.ShouldBe(["requests.newReceived.naturalPerson"]);
    }

    [Theory]
    [InlineData(CellForm.Blank, "")]
    [InlineData(CellForm.Slash, "/")]
    [InlineData(CellForm.Dash, "—")]
    [InlineData(CellForm.None, "无")]
    public void Check_EmptyMarkCountsAsZero(CellForm form, string text)
    {
        var report = SampleReports.Consistent();
        report.SetCell("requests.results.denied.stateSecret.researchInstitution", new Cell(0, text, form));

        ReportChecks.Check(report).ShouldBeEmpty();
    }
}
