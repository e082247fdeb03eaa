namespace Gongkai.Domain.Reports.Checks;

/// <summary>Rules across two consecutive years of one agency.</summary>
public static class CrossYearChecks
{
    public static IReadOnlyList<Finding> Check(AnnualReport previous, AnnualReport current)
    {
        var findings = new List<Finding>();
        if (previous.Year is not { } py || current.Year is not { } cy || cy != py + 1)
            return findings;
        Carry(previous, current, findings);
        if (previous.Template == ReportTemplate.Y2021 && current.Template == ReportTemplate.Y2021)
            InForce(previous, current, findings);
        if (previous.Template == ReportTemplate.Y2019 && current.Template == ReportTemplate.Y2019)
            Items(previous, current, findings);
        return findings;
    }

    private static void Carry(AnnualReport previous, AnnualReport current, List<Finding> findings)
    {
        for (var c = 0; c < ReportSchema.ApplicantColumns.Count; c++)
        {
            var before = previous.Requests.Value("carriedForward", c);
            var now = current.Requests.Value("carriedOver", c);
            if (before is null || now is null || before == now)
                continue;
            var column = ReportSchema.ApplicantColumns[c];
            findings.Add(new(Rules.YearCarry, Severity.Error,
                $"{current.Year}年表三“上年结转”“{column.Label}”栏为{Cell.Format(now.Value)}，但{previous.Year}年报告“结转下年度继续办理”为{Cell.Format(before.Value)}",
                [$"requests.carriedOver.{column.Key}", $"{previous.Year}:requests.carriedForward.{column.Key}"]));
        }
    }

    private static void InForce(AnnualReport previous, AnnualReport current, List<Finding> findings)
    {
        foreach (var key in new[] { "rules", "normativeDocuments" })
        {
            var before = previous.Proactive.Value(key, 2);
            var issued = current.Proactive.Value(key, 0);
            var repealed = current.Proactive.Value(key, 1);
            var now = current.Proactive.Value(key, 2);
            if (before is null || issued is null || repealed is null || now is null)
                continue;
            var expected = before.Value + issued.Value - repealed.Value;
            if (expected == now)
                continue;
            var label = ReportSchema.Row(ReportTemplate.Y2021, ReportTable.Proactive, key)!.Label;
            findings.Add(new(Rules.YearInForce, Severity.Error,
                $"表二“{label}”现行有效件数应为上年{Cell.Format(before.Value)}＋本年制发{Cell.Format(issued.Value)}－本年废止{Cell.Format(repealed.Value)}＝{Cell.Format(expected)}，但填报为{Cell.Format(now.Value)}",
                [$"proactive.{key}.inForce", $"proactive.{key}.issued", $"proactive.{key}.repealed", $"{previous.Year}:proactive.{key}.inForce"]));
        }
    }

    private static void Items(AnnualReport previous, AnnualReport current, List<Finding> findings)
    {
        foreach (var key in new[] { "licensing", "otherServices", "penalties", "coercion", "fees" })
        {
            var before = previous.Proactive.Value(key, 0);
            var change = previous.Proactive.Value(key, 1);
            var now = current.Proactive.Value(key, 0);
            if (before is null || change is null || now is null)
                continue;
            var expected = before.Value + change.Value;
            if (expected == now)
                continue;
            var label = ReportSchema.Row(ReportTemplate.Y2019, ReportTable.Proactive, key)!.Label;
            findings.Add(new(Rules.YearItems, Severity.Error,
                $"表二“{label}”上一年项目数量应为{previous.Year}年的{Cell.Format(before.Value)}加增减{Cell.Format(change.Value)}＝{Cell.Format(expected)}，但填报为{Cell.Format(now.Value)}",
                [$"proactive.{key}.previousItems", $"{previous.Year}:proactive.{key}.previousItems", $"{previous.Year}:proactive.{key}.change"]));
        }
    }
}
