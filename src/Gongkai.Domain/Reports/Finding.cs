namespace Gongkai.Domain.Reports;

public enum Severity
{
    Error,
    Warning,
    Info,
}

/// <summary>
/// Whether the published report is wrong, or the reader could not read it: a supervisor acts on
/// the first and double-checks the source for the second.
/// </summary>
public enum FindingOrigin
{
    Report,
    Reading,
}

/// <summary>One problem, with its rule id (docs/annual-report.md), a Chinese message, and the exact cells.</summary>
public sealed record Finding(
    string Rule,
    Severity Severity,
    string Message,
    IReadOnlyList<string> Cells,
    FindingOrigin Origin = FindingOrigin.Report)
{
    public static string SeverityId(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
    };

    public static Severity? SeverityFromId(string? id) => id switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "info" => Severity.Info,
        _ => null,
    };

    public static string OriginId(FindingOrigin origin) => origin switch
    {
        FindingOrigin.Report => "report",
        FindingOrigin.Reading => "reading",
    };

    public static string OriginLabel(FindingOrigin origin) => origin switch
    {
        FindingOrigin.Report => "报告本身的问题",
        FindingOrigin.Reading => "读取问题",
    };

    public static string SeverityLabel(Severity severity) => severity switch
    {
        Severity.Error => "错误",
        Severity.Warning => "警告",
        Severity.Info => "提示",
    };
}

/// <summary>The rule ids. Stable: add, never rename.</summary>
public static class Rules
{
    public const string RequestsBalance = "requests.balance";
    public const string RequestsResultsSum = "requests.results-sum";
    public const string RequestsRowTotal = "requests.row-total";
    public const string ReviewTotal = "review.total";
    public const string CellUnreadable = "cell.unreadable";
    public const string CellNegative = "cell.negative";
    public const string YearCarry = "year.carry";
    public const string YearInForce = "year.in-force";
    public const string YearItems = "year.items";
    public const string TextTable = "text.table";

    // Project rules beyond the spec (docs/annual-report.md).
    public const string CellFraction = "cell.fraction";
    public const string TableMissing = "table.missing";
    public const string TableEmpty = "table.empty";
    public const string TableIncomplete = "table.incomplete";
    public const string TemplateMismatch = "template.mismatch";
    public const string SectionMissing = "section.missing";
    public const string SectionToken = "section.token";
    public const string FeesContradiction = "fees.section6";
    public const string FeesUnstated = "fees.unstated";
    public const string ReportYear = "report.year";
    public const string RegionSum = "region.sum";
    public const string LegacySum = "legacy.sum";
}
