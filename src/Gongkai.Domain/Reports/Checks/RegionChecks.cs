namespace Gongkai.Domain.Reports.Checks;

/// <summary>
/// A report that sums other reports against them, for the same year: every cell of tables 三 and
/// 四 must equal the sum. A region's summary (汇总) sums its units' reports; a people's government's
/// own report is its own part plus the reports of the units it covers (docs/decisions/0022).
/// </summary>
public static class RegionChecks
{
    /// <summary>A summary against the units it sums.</summary>
    public static IReadOnlyList<Finding> Check(AnnualReport summary, IReadOnlyList<AnnualReport> units) =>
        Check(summary, units, $"{units.Count}个下级单位之和");

    /// <summary>A government's report against its own part and the reports of the units it covers.</summary>
    public static IReadOnlyList<Finding> Check(AnnualReport government, AnnualReport own, IReadOnlyList<AnnualReport> units) =>
        Check(government, [own, .. units], $"本级和所含{units.Count}个单位的报告之和");

    private static List<Finding> Check(AnnualReport summary, IReadOnlyList<AnnualReport> parts, string sumOf)
    {
        var findings = new List<Finding>();
        if (parts.Count == 0 || summary.Template == ReportTemplate.Legacy)
            return findings;
        foreach (var table in new[] { ReportTable.Requests, ReportTable.ReviewLitigation })
        {
            foreach (var row in ReportSchema.Rows(summary.Template, table))
            {
                for (var c = 0; c < row.Columns.Count; c++)
                {
                    var own = summary.Table(table).Value(row.Key, c);
                    decimal? sum = 0;
                    foreach (var part in parts)
                        sum += part.Table(table).Value(row.Key, c);
                    if (own is null || sum is null || own == sum)
                        continue;
                    findings.Add(new(Rules.RegionSum, Severity.Error,
                        $"{CellNames.Describe(row, c)}：汇总报告为{Cell.Format(own.Value)}，但{sumOf}为{Cell.Format(sum.Value)}",
                        [row.CellPath(c)]));
                }
            }
        }
        return findings;
    }
}
