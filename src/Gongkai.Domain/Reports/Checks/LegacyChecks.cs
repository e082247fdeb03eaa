using System.Text.RegularExpressions;

namespace Gongkai.Domain.Reports.Checks;

/// <summary>
/// The pre-2019 统计表 has totals over numbered parts: （一）收到申请数 = 1.当面 + 2.传真 + 3.网络 + 4.信函.
/// A total left blank while its parts hold figures, or a total that differs from its parts, is reported.
/// </summary>
internal static partial class LegacyChecks
{
    public static IEnumerable<Finding> Check(AnnualReport report)
    {
        if (report.Template != ReportTemplate.Legacy)
            yield break;
        var items = report.Indicators;
        for (var i = 0; i < items.Count; i++)
        {
            var level = Level(items[i].Printed);
            if (level is not (1 or 2))
                continue;
            // Parts follow their total: one level down, in the total's group (a top-level line's
            // parts are grouped under its own label).
            var group = level == 1 ? items[i].Label : items[i].Group;
            var parts = new List<Indicator>();
            for (var j = i + 1; j < items.Count; j++)
            {
                var partLevel = Level(items[j].Printed);
                if (partLevel != 0 && partLevel <= level || items[j].Group != group)
                    break;
                if (partLevel == level + 1 && items[j].Unit == items[i].Unit)
                    parts.Add(items[j]);
            }
            if (parts.Count < 2 || parts.All(p => p.Value.Value is null))
                continue;
            var sum = parts.Sum(p => p.Value.Value ?? 0);
            var total = items[i].Value.Value;
            if (total == sum)
                continue;
            var message = total is null
                ? $"统计表“{items[i].Label}”为空，但其分项合计为{Cell.Format(sum)}"
                : $"统计表“{items[i].Label}”为{Cell.Format(total.Value)}，但其分项合计为{Cell.Format(sum)}";
            yield return new(Rules.LegacySum, Severity.Warning, message,
                [$"indicators.{items[i].Label}", .. parts.Select(p => $"indicators.{p.Label}")]);
        }
    }

    /// <summary>一、 is level 1, （一） level 2, 1. level 3; an unnumbered line (其中：…) has none.</summary>
    private static int Level(string printed) =>
        Top().IsMatch(printed) ? 1 : Parent().IsMatch(printed) ? 2 : Part().IsMatch(printed) ? 3 : 0;

    [GeneratedRegex(@"^\s*[（(][一二三四五六七八九十]+[)）]")]
    private static partial Regex Parent();

    [GeneratedRegex(@"^\s*[一二三四五六七八九十]+[、.．]")]
    private static partial Regex Top();

    [GeneratedRegex(@"^\s*\d+\s*[.．﹒、]")]
    private static partial Regex Part();
}
