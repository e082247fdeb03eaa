namespace Gongkai.Domain.Reports.Checks;

/// <summary>
/// A region's summary report (汇总) against the reports of its units for the same year: every
/// cell of tables 三 and 四 must equal the sum over the units.
/// </summary>
public static class RegionChecks
{
    public static IReadOnlyList<Finding> Check(AnnualReport summary, IReadOnlyList<AnnualReport> units)
    {
        var findings = new List<Finding>();
        if (units.Count == 0 || summary.Template == ReportTemplate.Legacy)
            return findings;
        foreach (var table in new[] { ReportTable.Requests, ReportTable.ReviewLitigation })
        {
            foreach (var row in ReportSchema.Rows(summary.Template, table))
            {
                var differing = new List<string>();
                for (var c = 0; c < row.Columns.Count; c++)
                {
                    var own = summary.Table(table).Value(row.Key, c);
                    decimal? sum = 0;
                    foreach (var unit in units)
                        sum += unit.Table(table).Value(row.Key, c);
                    if (own is null || sum is null || own == sum)
                        continue;
                    differing.Add($"“{row.Columns[c].Label}”汇总{Cell.Format(own.Value)}、各单位合计{Cell.Format(sum.Value)}");
                    findings.Add(new(Rules.RegionSum, Severity.Error,
                        $"{CellNames.Describe(row, c)}：汇总报告为{Cell.Format(own.Value)}，但{units.Count}个下级单位之和为{Cell.Format(sum.Value)}",
                        [row.CellPath(c)]));
                }
            }
        }
        return findings;
    }
}
