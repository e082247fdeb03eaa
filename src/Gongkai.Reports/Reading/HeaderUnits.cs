namespace Gongkai.Reports.Reading;

/// <summary>
/// Units printed in the column headers of table 二: 处理决定数量（萬宗） multiplies its column by
/// 10000; 采购总金额（元） divides by 10000 into the template's 万元.
/// </summary>
internal static class HeaderUnits
{
    private static readonly (string Column, string[] Words)[] Columns =
    [
        ("projects", ["采购项目"]),
        ("amount", ["金额"]),
        ("previousItems", ["项目数量", "上一年"]),
        ("change", ["增/减", "增减"]),
        ("decisions", ["处理决定"]),
        ("made", ["制作"]),
        ("totalPublished", ["公开总"]),
        ("published", ["新公开"]),
        ("issued", ["制发"]),
        ("repealed", ["废止"]),
        ("inForce", ["有效"]),
    ];

    /// <summary>Whether the header text starts a new block of table 二 (its own column headers).</summary>
    public static bool StartsBlock(List<string> header) =>
        header.Any(h => h.Contains("第二十条", StringComparison.Ordinal) || h.Contains("信息内容", StringComparison.Ordinal)
                        || Columns.Any(c => c.Words.Any(w => h.Contains(w, StringComparison.Ordinal))));

    public static Dictionary<string, decimal> Read(List<string> header)
    {
        var scales = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var h in header)
        {
            var scale = Scale(h);
            if (scale is null)
                continue;
            foreach (var (column, words) in Columns)
            {
                if (words.Any(w => h.Contains(w, StringComparison.Ordinal)))
                {
                    scales[column] = scale.Value;
                    break;
                }
            }
        }
        return scales;
    }

    private static decimal? Scale(string header)
    {
        if (header.Contains("亿元", StringComparison.Ordinal))
            return 10000m;
        if (header.Contains("万元", StringComparison.Ordinal))
            return 1m;
        if (header.Contains("(元)", StringComparison.Ordinal) || header.Contains(":元)", StringComparison.Ordinal))
            return 0.0001m;
        foreach (var unit in new[] { "万宗", "万件", "万个", "万项", "万次", "万条", "(万)" })
        {
            if (header.Contains(unit, StringComparison.Ordinal))
                return 10000m;
        }
        return null;
    }
}
