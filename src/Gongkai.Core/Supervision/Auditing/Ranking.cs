using Gongkai.Domain.Reports;
using Gongkai.Domain.Supervision;

namespace Gongkai.Core.Supervision.Auditing;

/// <summary>A unit's record over the audited years, for ranking (单位排名).</summary>
public sealed record RankingRow(
    AuditUnit Unit,
    int OnTime,
    int Late,
    int DateUnknown,
    int Missing,
    int Errors,
    int Warnings,
    int ReadingProblems,
    int Confirmed,
    int Dismissed,
    double? HighestRepetition)
{
    public int Rank { get; init; }
}

/// <summary>What a ranking can be ordered by; the Chinese names are the column headings.</summary>
public enum RankingOrder
{
    Errors,
    Warnings,
    Missing,
    Late,
    Repetition,
}

/// <summary>
/// Ranks units by what weighs most in supervision: errors first, then missing and late reports,
/// warnings, and repeated prose. Dismissed findings and reading problems do not count against a unit.
/// </summary>
public static class Ranking
{
    public static IReadOnlyList<RankingRow> Of(SupervisionAudit audit, RankingOrder order = RankingOrder.Errors)
    {
        var rows = audit.Units.Select(unit => Row(unit, audit.Row(unit).ToList()));
        var sorted = order switch
        {
            RankingOrder.Errors => rows.OrderByDescending(r => r.Errors).ThenByDescending(r => r.Missing).ThenByDescending(r => r.Late).ThenByDescending(r => r.Warnings),
            RankingOrder.Warnings => rows.OrderByDescending(r => r.Warnings).ThenByDescending(r => r.Errors),
            RankingOrder.Missing => rows.OrderByDescending(r => r.Missing).ThenByDescending(r => r.Late).ThenByDescending(r => r.Errors),
            RankingOrder.Late => rows.OrderByDescending(r => r.Late).ThenByDescending(r => r.DateUnknown).ThenByDescending(r => r.Errors),
            RankingOrder.Repetition => rows.OrderByDescending(r => r.HighestRepetition ?? -1).ThenByDescending(r => r.Errors),
        };
        return sorted.ThenByDescending(r => r.HighestRepetition ?? -1).ThenBy(r => r.Unit.Name, StringComparer.Ordinal)
            .Select((r, i) => r with { Rank = i + 1 }).ToList();
    }

    public static string Label(this RankingOrder order) => order switch
    {
        RankingOrder.Errors => "错误数",
        RankingOrder.Warnings => "警告数",
        RankingOrder.Missing => "未公开年度数",
        RankingOrder.Late => "逾期公开年度数",
        RankingOrder.Repetition => "正文最高重复率",
    };

    private static RankingRow Row(AuditUnit unit, List<UnitYear> years)
    {
        var findings = years.SelectMany(y => y.Findings).ToList();
        return new RankingRow(unit,
            years.Count(y => y.Status == PublicationStatus.OnTime),
            years.Count(y => y.Status == PublicationStatus.Late),
            years.Count(y => y.Status == PublicationStatus.DateUnknown),
            years.Count(y => y.Status == PublicationStatus.Missing),
            findings.Count(f => f.Counts(Severity.Error)),
            findings.Count(f => f.Counts(Severity.Warning)),
            findings.Count(f => f.Finding.Origin == FindingOrigin.Reading),
            findings.Count(f => f.Decision?.Verdict == Verdict.Confirmed),
            findings.Count(f => f.IsDismissed),
            years.Select(y => y.ProseRepetition).Max());
    }
}
