using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;

namespace Gongkai.Core.Supervision.Auditing;

/// <summary>A supervisor's conclusion on a finding: 确认 (the report is wrong) or 排除 (it is not, or it does not matter).</summary>
public enum Verdict
{
    Confirmed,
    Dismissed,
}

/// <summary>The latest decision on a finding: what, why, by whom and when (UTC).</summary>
public sealed record DecisionView(Verdict Verdict, string Note, string DecidedBy, DateTime DecidedAt);

/// <summary>
/// A finding in an audit. Findings of the report itself are stored and carry their id and latest
/// decision; cross-year findings follow from which other reports are in the audit and are computed
/// each time, so they have neither.
/// </summary>
public sealed record AuditFinding(long? Id, Finding Finding, FindingScope Scope, DecisionView? Decision = null)
{
    public bool IsDismissed => Decision?.Verdict == Verdict.Dismissed;

    /// <summary>Counts against the unit: a report problem (not a reading problem) nobody has dismissed.</summary>
    public bool Counts(Severity severity) =>
        Finding.Severity == severity && Finding.Origin == FindingOrigin.Report && !IsDismissed;
}

public static class Verdicts
{
    public static string Label(this Verdict verdict) => verdict switch
    {
        Verdict.Confirmed => "已确认",
        Verdict.Dismissed => "已排除",
    };

    public static string Label(this DecisionView? decision) => decision?.Verdict.Label() ?? "待核实";

}
