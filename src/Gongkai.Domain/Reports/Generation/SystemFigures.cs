using System.Globalization;

namespace Gongkai.Domain.Reports.Generation;

/// <summary>
/// Which figures of a report the platform counts itself and which staff supply. Tables 三 and 四
/// come from requests and their reviews, table 二 §20(一) (规章, 规范性文件) from the published
/// normative documents; the rest of table 二 (许可, 处罚, 强制 decisions, fees, procurement) is
/// held by other systems and is entered or imported.
/// </summary>
public static class SystemFigures
{
    private static readonly string[] NormativeRows = ["rules", "normativeDocuments"];

    public static bool IsSystem(RowDef row) =>
        row.Table != ReportTable.Proactive || NormativeRows.Contains(row.Key, StringComparer.Ordinal);

    /// <summary>Whether a cell path (<c>proactive.licensing.decisions</c>) is counted by the platform.</summary>
    public static bool IsSystem(string path) =>
        !path.StartsWith("proactive.", StringComparison.Ordinal)
        || NormativeRows.Any(r => path.StartsWith($"proactive.{r}.", StringComparison.Ordinal));

    /// <summary>The cells staff enter or import for a template, in official order.</summary>
    public static IReadOnlyList<(string Path, RowDef Row, ColumnDef Column)> Entered(ReportTemplate template) =>
        [.. ReportSchema.Rows(template, ReportTable.Proactive).Where(r => !IsSystem(r))
            .SelectMany(r => r.Columns.Select((c, i) => (r.CellPath(i), r, c)))];

    /// <summary>
    /// Reads an entered value: invariant digits (a thousands separator is tolerated), whole and not
    /// negative for counts, whole for a 本年增/减, not negative for an amount in 万元.
    /// </summary>
    public static (decimal? Value, string? Error) Parse(ColumnDef column, string? text)
    {
        var t = (text ?? "").Trim().Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
        if (t.Length == 0)
            return (null, null);
        if (!decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return (null, $"“{text}”不是数字");
        return column.Kind switch
        {
            ColumnKind.Count when value < 0 || value != decimal.Truncate(value) => (null, $"“{column.Label}”应为不小于0的整数"),
            ColumnKind.Change when value != decimal.Truncate(value) => (null, $"“{column.Label}”应为整数（减少填负数）"),
            ColumnKind.Amount when value < 0 => (null, $"“{column.Label}”不能为负数"),
            _ => (value, null),
        };
    }
}
