using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Supervision;

/// <summary>The outcome groups of table 三, as the template prints them: （一）…（六）.</summary>
public enum OutcomeGroup
{
    Granted,
    PartiallyGranted,
    Denied,
    Unavailable,
    NotProcessed,
    Other,
}

/// <summary>How many requests a report says ended in each outcome group (column 总计).</summary>
public sealed record OutcomeMix(IReadOnlyDictionary<OutcomeGroup, decimal> Counts)
{
    public decimal Total => Counts.Values.Sum();

    public decimal this[OutcomeGroup group] => Counts.GetValueOrDefault(group);
}

/// <summary>Decisions of review or litigation that corrected the agency, out of those concluded.</summary>
public sealed record CorrectionRate(decimal Corrected, decimal Concluded)
{
    /// <summary>Null when nothing was concluded: no rate, rather than 0%.</summary>
    public double? Rate => Concluded > 0 ? (double)(Corrected / Concluded) : null;
}

/// <summary>
/// The figures supervisors compare across units: request volume (本年新收, 总计), the mix of
/// outcomes, and the correction rate in administrative review and in litigation (结果纠正 out of
/// 维持 + 纠正 + 其他结果; 尚未审结 is not concluded). Legacy 统计表 have none of these.
/// </summary>
public static class ReportMetrics
{
    public static decimal? RequestVolume(AnnualReport report) =>
        report.Template == ReportTemplate.Legacy ? null : report.Requests.Value("newReceived", ReportSchema.TotalColumn);

    public static OutcomeMix? Outcomes(AnnualReport report)
    {
        if (report.Template == ReportTemplate.Legacy || report.Requests.IsEmpty)
            return null;
        var counts = Enum.GetValues<OutcomeGroup>().ToDictionary(g => g, _ => 0m);
        foreach (var row in report.Rows(ReportTable.Requests).Where(ReportSchema.IsOutcome))
            counts[GroupOf(row.Key)] += report.Requests.Value(row.Key, ReportSchema.TotalColumn) ?? 0;
        return new OutcomeMix(counts);
    }

    public static CorrectionRate? Review(AnnualReport report) => Rate(report, "review");

    public static CorrectionRate? Litigation(AnnualReport report) => Rate(report, "litigationWithoutReview", "litigationAfterReview");

    public static OutcomeGroup GroupOf(string rowKey) => rowKey switch
    {
        "results.granted" => OutcomeGroup.Granted,
        "results.partiallyGranted" => OutcomeGroup.PartiallyGranted,
        _ when rowKey.StartsWith("results.denied.", StringComparison.Ordinal) => OutcomeGroup.Denied,
        _ when rowKey.StartsWith("results.unavailable.", StringComparison.Ordinal) => OutcomeGroup.Unavailable,
        _ when rowKey.StartsWith("results.notProcessed.", StringComparison.Ordinal) => OutcomeGroup.NotProcessed,
        _ => OutcomeGroup.Other,
    };

    public static string Label(this OutcomeGroup group) => group switch
    {
        OutcomeGroup.Granted => "予以公开",
        OutcomeGroup.PartiallyGranted => "部分公开",
        OutcomeGroup.Denied => "不予公开",
        OutcomeGroup.Unavailable => "无法提供",
        OutcomeGroup.NotProcessed => "不予处理",
        OutcomeGroup.Other => "其他处理",
    };

    private static CorrectionRate? Rate(AnnualReport report, params string[] rows)
    {
        if (report.Template == ReportTemplate.Legacy || report.ReviewLitigation.IsEmpty)
            return null;
        decimal corrected = 0, concluded = 0;
        foreach (var row in rows)
        {
            var t = report.ReviewLitigation;
            var upheld = t.Value(row, 0) ?? 0;
            var fixedUp = t.Value(row, 1) ?? 0;
            var other = t.Value(row, 2) ?? 0;
            corrected += fixedUp;
            concluded += upheld + fixedUp + other;
        }
        return new CorrectionRate(corrected, concluded);
    }
}
