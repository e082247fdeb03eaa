using System.Globalization;

namespace Gongkai.Domain.Reports.Checks;

/// <summary>The arithmetic the templates themselves prescribe (勾稽关系), cell by cell.</summary>
internal static class TableChecks
{
    public static IEnumerable<Finding> Check(AnnualReport report)
    {
        if (report.Template == ReportTemplate.Legacy)
            yield break;
        foreach (var f in Cells(report))
            yield return f;
        foreach (var f in Balance(report))
            yield return f;
        foreach (var f in ResultsSum(report))
            yield return f;
        foreach (var f in RowTotals(report))
            yield return f;
        foreach (var f in ReviewTotals(report))
            yield return f;
    }

    private static IEnumerable<Finding> Cells(AnnualReport report)
    {
        foreach (var (path, row, column, cell) in report.Cells())
        {
            var where = CellNames.Describe(row, column);
            if (cell.Form == CellForm.Unreadable)
            {
                // A cell the reader never found is reported once per row as table.incomplete.
                if (cell.Text.Length > 0)
                    yield return new(Rules.CellUnreadable, Severity.Error,
                        $"{where}的内容“{cell.Text}”无法识别为数字，未作推测", [path], FindingOrigin.Reading);
                continue;
            }
            var kind = row.Columns[column].Kind;
            if (cell.Value < 0 && kind != ColumnKind.Change)
                yield return new(Rules.CellNegative, Severity.Error,
                    $"{where}为负数（{cell.Text}），该栏不能为负", [path]);
            else if (kind != ColumnKind.Amount && cell.Value is { } v && v != decimal.Truncate(v))
                yield return new(Rules.CellFraction, Severity.Warning,
                    $"{where}为小数（{cell.Text}），件数应为整数", [path]);
        }
    }

    private static IEnumerable<Finding> Balance(AnnualReport report)
    {
        var t = report.Requests;
        for (var c = 0; c < ReportSchema.ApplicantColumns.Count; c++)
        {
            var inflow = Sum(t, c, "newReceived", "carriedOver");
            var outflow = Sum(t, c, "results.total", "carriedForward");
            if (inflow is not { } i || outflow is not { } o || i == o)
                continue;
            var column = ReportSchema.ApplicantColumns[c];
            yield return new(Rules.RequestsBalance, Severity.Error,
                string.Create(CultureInfo.InvariantCulture,
                    $"表三“{column.Label}”栏不平衡：本年新收{F(t, "newReceived", c)}＋上年结转{F(t, "carriedOver", c)}＝{Cell.Format(i)}，" +
                    $"而办理结果总计{F(t, "results.total", c)}＋结转下年度{F(t, "carriedForward", c)}＝{Cell.Format(o)}，相差{Cell.Format(i - o)}"),
                [Path("newReceived", column), Path("carriedOver", column), Path("results.total", column), Path("carriedForward", column)]);
        }
    }

    private static IEnumerable<Finding> ResultsSum(AnnualReport report)
    {
        var t = report.Requests;
        var outcomes = report.Rows(ReportTable.Requests).Where(ReportSchema.IsOutcome).ToList();
        if (outcomes.Count == 0)
            yield break;
        for (var c = 0; c < ReportSchema.ApplicantColumns.Count; c++)
        {
            var sum = Sum(t, c, [.. outcomes.Select(r => r.Key)]);
            if (sum is not { } s || t.Value("results.total", c) is not { } total || s == total)
                continue;
            var column = ReportSchema.ApplicantColumns[c];
            yield return new(Rules.RequestsResultsSum, Severity.Error,
                $"表三“{column.Label}”栏：各项办理结果之和为{Cell.Format(s)}，但“（七）总计”为{Cell.Format(total)}，相差{Cell.Format(total - s)}",
                [.. outcomes.Select(r => Path(r.Key, column)), Path("results.total", column)]);
        }
    }

    private static IEnumerable<Finding> RowTotals(AnnualReport report)
    {
        var t = report.Requests;
        foreach (var row in report.Rows(ReportTable.Requests))
        {
            if (t[row.Key] is not { } cells || cells.Length != row.Columns.Count)
                continue;
            var parts = cells.Take(ReportSchema.TotalColumn).ToList();
            if (parts.Any(p => p.Value is null) || cells[ReportSchema.TotalColumn].Value is not { } total)
                continue;
            var sum = parts.Sum(p => p.Value!.Value);
            if (sum == total)
                continue;
            yield return new(Rules.RequestsRowTotal, Severity.Error,
                $"表三“{CellNames.Label(row)}”行：六类申请人合计{Cell.Format(sum)}，但“总计”为{Cell.Format(total)}，相差{Cell.Format(total - sum)}",
                [.. Enumerable.Range(0, row.Columns.Count).Select(row.CellPath)]);
        }
    }

    private static IEnumerable<Finding> ReviewTotals(AnnualReport report)
    {
        var t = report.ReviewLitigation;
        foreach (var row in ReportSchema.Rows(report.Template, ReportTable.ReviewLitigation))
        {
            if (t[row.Key] is not { } cells || cells.Length != row.Columns.Count)
                continue;
            var parts = cells.Take(ReportSchema.ReviewTotalColumn).ToList();
            if (parts.Any(p => p.Value is null) || cells[ReportSchema.ReviewTotalColumn].Value is not { } total)
                continue;
            var sum = parts.Sum(p => p.Value!.Value);
            if (sum == total)
                continue;
            yield return new(Rules.ReviewTotal, Severity.Error,
                $"表四“{CellNames.Label(row)}”：维持、纠正、其他结果与尚未审结之和为{Cell.Format(sum)}，但“总计”为{Cell.Format(total)}，相差{Cell.Format(total - sum)}",
                [.. Enumerable.Range(0, row.Columns.Count).Select(row.CellPath)]);
        }
    }

    private static string Path(string key, ColumnDef column) => $"requests.{key}.{column.Key}";

    private static string F(StatTable t, string key, int c) => t.Get(key, c)?.ToString() ?? "?";

    private static decimal? Sum(StatTable t, int column, params string[] keys)
    {
        decimal sum = 0;
        foreach (var key in keys)
        {
            if (t.Value(key, column) is not { } v)
                return null;
            sum += v;
        }
        return sum;
    }
}
