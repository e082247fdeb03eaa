using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Domain.Reports.Checks;

/// <summary>
/// The figures the prose states (<see cref="ProseClaims"/>) against the tables, and the fee
/// statement of section 六. A figure is accepted when it equals any reading of the tables the
/// sentence could mean; only a figure that fits none is reported, quoting the sentence and
/// naming the cells.
/// </summary>
internal static partial class ProseChecks
{
    public static IEnumerable<Finding> Check(AnnualReport report, IReadOnlyList<string> prose)
    {
        foreach (var claim in ProseClaims.Find(report, prose))
        {
            if (!claim.IsCheckable || claim.Agreeing is not null)
                continue;
            var first = claim.Readings.First(r => r.Value is not null);
            yield return new(Rules.TextTable, Severity.Warning, $"正文“{claim.Sentence}”称{claim.Statement}，但{first.Shown}", first.Cells);
        }
    }

    /// <summary>Section 六 says no fee was charged while the report shows fee notices or fees.</summary>
    public static IEnumerable<Finding> Fees(AnnualReport report, IReadOnlyList<string> prose)
    {
        var six = report.Sections.FindIndex(s => s.Topic == SectionTopic.OtherMatters);
        if (six < 0 || report.Template == ReportTemplate.Legacy)
            yield break;
        var text = prose[six];
        if (!FeeMentioned().IsMatch(text))
        {
            if (report.Template == ReportTemplate.Y2021)
                yield return new(Rules.FeesUnstated, Severity.Warning,
                    "第六部分“其他需要报告的事项”未说明信息处理费的收取情况（国办公开办函〔2021〕30号要求报告）", []);
            yield break;
        }
        if (!NoFees().IsMatch(text))
            yield break;
        if (report.Requests.Value("results.other.feeUnpaid", ReportSchema.TotalColumn) is > 0 and var unpaid)
            yield return new(Rules.FeesContradiction, Severity.Warning,
                $"第六部分称未收费，但表三有{Cell.Format(unpaid)}件申请因逾期未缴纳费用不再处理（说明发出过收费通知）",
                ["requests.results.other.feeUnpaid.total"]);
        foreach (var section in prose)
        {
            foreach (Match m in FeeCharged().Matches(section))
            {
                if (decimal.TryParse(m.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount > 0)
                    yield return new(Rules.FeesContradiction, Severity.Warning,
                        $"第六部分称未收费，但正文“{m.Value}”称收取了费用", []);
            }
        }
    }

    [GeneratedRegex(@"收费|费用|信息处理费")]
    private static partial Regex FeeMentioned();

    [GeneratedRegex(@"(?:未|没有|无|不|均未|零)(?:发出|收取|产生|发生|开具|涉及)?[^,。;]{0,10}?(?:收费|费用|信息处理费)|(?:收费|费用|处理费)[^,。;\d]{0,8}?(?:为)?(?:0|零)(?:元|次|件|笔)?(?![\d.])")]
    private static partial Regex NoFees();

    [GeneratedRegex(@"收取[^,。;]{0,12}?(?:信息处理费|费用)[^,。;\d]{0,6}?(?<n>\d+(?:\.\d+)?)万?元")]
    private static partial Regex FeeCharged();
}
