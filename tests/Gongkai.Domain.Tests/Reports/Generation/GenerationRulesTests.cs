using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Domain.Reports.Generation;

namespace Gongkai.Domain.Tests.Reports.Generation;

/// <summary>The rules of generated reports: which figures staff supply, how they are read, the publishing gate, the drafted prose.</summary>
public sealed class GenerationRulesTests
{
    [Theory]
    [InlineData("requests.newReceived.total", true)]
    [InlineData("reviewLitigation.review.pending", true)]
    [InlineData("proactive.rules.issued", true)]
    [InlineData("proactive.normativeDocuments.inForce", true)]
    [InlineData("proactive.licensing.decisions", false)]
    [InlineData("proactive.fees.amount", false)]
    public void IsSystem_CellPath_TablesThreeFourAndNormativeDocumentsOnly(string path, bool system) =>
        SystemFigures.IsSystem(path).ShouldBe(system);

    [Fact]
    public void Entered_Template2021_LicensingPenaltiesCoercionAndFees() =>
        SystemFigures.Entered(ReportTemplate.Y2021).Select(e => e.Path).ShouldBe(
            ["proactive.licensing.decisions", "proactive.penalties.decisions", "proactive.coercion.decisions", "proactive.fees.amount"]);

    [Theory]
    [InlineData(ColumnKind.Count, "1,280", 1280.0, null)]
    [InlineData(ColumnKind.Count, " 7 ", 7.0, null)]
    [InlineData(ColumnKind.Count, "", null, null)]
    [InlineData(ColumnKind.Count, "-3", null, "“数量”应为不小于0的整数")]
    [InlineData(ColumnKind.Count, "2.5", null, "“数量”应为不小于0的整数")]
    [InlineData(ColumnKind.Change, "-3", -3.0, null)]
    [InlineData(ColumnKind.Change, "1.5", null, "“数量”应为整数（减少填负数）")]
    [InlineData(ColumnKind.Amount, "2318.46", 2318.46, null)]
    [InlineData(ColumnKind.Amount, "-1", null, "“数量”不能为负数")]
    [InlineData(ColumnKind.Amount, "十二", null, "“十二”不是数字")]
    public void Parse_EnteredText_ValueOrReason(ColumnKind kind, string text, double? value, string? error)
    {
        var (parsed, reason) = SystemFigures.Parse(new ColumnDef("x", "数量", kind), text);
        parsed.ShouldBe(value is null ? null : (decimal)value.Value);
        reason.ShouldBe(error);
    }

    private static readonly Finding Error = new(Rules.YearCarry, Severity.Error, "上年结转不符", []);
    private static readonly Finding Warning = new(Rules.SectionToken, Severity.Warning, "套话", []);

    [Theory]
    [InlineData(false, false, null, null)]
    [InlineData(true, false, "理由", "报告有1个错误，须修正后再发布，或由公开办负责人说明理由后发布。")]
    [InlineData(true, true, null, "报告有1个错误。确需发布的，请填写发布理由。")]
    [InlineData(true, true, "  ", "报告有1个错误。确需发布的，请填写发布理由。")]
    [InlineData(true, true, "上年数据有误，已备案。", null)]
    public void Refusal_ErrorsNeedTheOfficeHeadsReason(bool withError, bool officeHead, string? reason, string? refusal)
    {
        Finding[] findings = withError ? [Error, Warning] : [Warning];
        PublishingGate.Refusal(findings, officeHead, reason).ShouldBe(refusal);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 150)]
    public void Draft_FromBalancedTables_PassesEveryProseCheck(int feesPaid, int amount)
    {
        var report = new AnnualReport { Template = ReportTemplate.Y2021, Year = 2025, Agency = "示范市人民政府办公室" };
        foreach (var table in ReportSchema.Tables)
        {
            foreach (var row in ReportSchema.Rows(ReportTemplate.Y2021, table))
                report.Table(table).Set(row.Key, [.. row.Columns.Select(_ => Cell.Of(0))]);
        }
        Cell[] Row(params int[] v) => [.. v.Select(x => Cell.Of(x)), Cell.Of(v.Sum())];
        report.Requests.Set("newReceived", Row(40, 3, 0, 1, 2, 0));
        report.Requests.Set("carriedOver", Row(2, 0, 0, 0, 0, 0));
        report.Requests.Set("results.granted", Row(30, 2, 0, 1, 1, 0));
        report.Requests.Set("results.unavailable.notHeld", Row(8, 1, 0, 0, 1, 0));
        report.Requests.Set("results.total", Row(38, 3, 0, 1, 2, 0));
        report.Requests.Set("carriedForward", Row(4, 0, 0, 0, 0, 0));
        report.ReviewLitigation.Set("review", [Cell.Of(1), Cell.Of(1), Cell.Of(0), Cell.Of(1), Cell.Of(3)]);
        report.Sections.AddRange(ReportDraft.Sections(report, new DraftFacts(feesPaid, amount)));

        ReportChecks.Check(report).ShouldBeEmpty();
        report.Section(6)!.Text.ShouldContain(feesPaid == 0 ? "本年度未收取信息处理费" : "本年度收取信息处理费3件，共150.00元");
    }
}
