using System.Globalization;

namespace Gongkai.Domain.Reports.Checks;

/// <summary>Human names of rows and cells for messages: 表三“（一）予以公开”行“自然人”栏.</summary>
public static class CellNames
{
    private const string IndicatorPrefix = "indicators.";

    public static string TableName(ReportTable table) => table switch
    {
        ReportTable.Proactive => "表二",
        ReportTable.Requests => "表三",
        ReportTable.ReviewLitigation => "表四",
    };

    public static string Label(RowDef row) => row.Group is { } group ? $"{group}·{row.Label}" : row.Label;

    public static string Describe(RowDef row, int column) =>
        $"{TableName(row.Table)}“{Label(row)}”行“{row.Columns[column].Label}”栏";

    /// <summary>
    /// Describes a cell path such as <c>requests.newReceived.total</c>, a cell of the previous
    /// year's report as cross-year findings name it (<c>2021:requests.carriedForward.total</c>),
    /// or a legacy indicator (<c>indicators.收到申请数</c>); an unknown path is returned as is.
    /// </summary>
    public static string Describe(ReportTemplate template, string path)
    {
        var colon = path.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && int.TryParse(path.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            return string.Create(CultureInfo.InvariantCulture, $"{year}年报告{Describe(template, path[(colon + 1)..])}");
        if (path.StartsWith(IndicatorPrefix, StringComparison.Ordinal))
            return $"统计表“{path[IndicatorPrefix.Length..]}”";
        return Named[template].TryGetValue(path, out var name) ? name : path;
    }

    /// <summary>The name of every cell path of each template, built once: audits describe thousands of cells.</summary>
    private static readonly Dictionary<ReportTemplate, Dictionary<string, string>> Named = Enum.GetValues<ReportTemplate>().ToDictionary(
        t => t,
        t => ReportSchema.Tables.SelectMany(table => ReportSchema.Rows(t, table))
            .SelectMany(row => Enumerable.Range(0, row.Columns.Count).Select(c => (Path: row.CellPath(c), Name: Describe(row, c))))
            .GroupBy(p => p.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal));
}
