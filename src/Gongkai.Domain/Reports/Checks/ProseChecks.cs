using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Domain.Reports.Checks;

/// <summary>
/// Figures stated in the prose (共受理申请552件, 办结, 结转, 予以公开, 复议, 诉讼) against the tables,
/// and the fee statement of section 六. A figure is accepted when it equals any reading of the
/// tables that the sentence could mean; only a figure that fits none is reported.
/// </summary>
internal static partial class ProseChecks
{
    /// <summary>A kind of figure the prose states; <see cref="Word"/> must occur for the pattern to be tried.</summary>
    private sealed record Claim(string What, string Word, Regex Pattern, Func<AnnualReport, Reading[]> Readings);

    /// <summary>One way the tables could back a claim: its value, the cells it comes from, how to name it.</summary>
    private sealed record Reading(decimal? Value, string[] Cells, string? Shown = null);

    private static readonly Claim[] Claims =
    [
        new("收到申请", "申请", Received(), r => [Row(r, "newReceived"), Rows(r, "newReceived", "carriedOver"), Indicator(r, "收到申请数")]),
        new("办理申请", "办理", Handled(), r => [Row(r, "newReceived"), Row(r, "results.total"), Rows(r, "newReceived", "carriedOver"), Indicator(r, "收到申请数"), Indicator(r, "申请办结数")]),
        new("办结申请", "办结", Concluded(), r => [Row(r, "results.total"), Indicator(r, "申请办结数"), Indicator(r, "申请答复数")]),
        new("结转下年度", "结转", CarriedForward(), r => [Row(r, "carriedForward")]),
        new("上年结转", "结转", CarriedOver(), r => [Row(r, "carriedOver")]),
        new("予以公开", "公开", Granted(), r => [Row(r, "results.granted"), Rows(r, "results.granted", "results.partiallyGranted"), Indicator(r, "同意公开答复数")]),
        new("自然人申请", "自然人", NaturalPersons(), r => [Row(r, "newReceived", 0), Rows(r, 0, "newReceived", "carriedOver")]),
        new("法人或其他组织申请", "法人", Organisations(), r => [Organisations(r, "newReceived"), Organisations(r, "newReceived", "carriedOver")]),
        new("行政复议", "复议", Review(), r => [Review(r, "review"), Indicator(r, "行政复议数量")]),
        new("行政诉讼", "诉讼", Litigation(), r => [Review(r, "litigationWithoutReview", "litigationAfterReview"), Review(r, "litigationWithoutReview"), Review(r, "litigationAfterReview"), Indicator(r, "行政诉讼数量")]),
    ];

    public static IEnumerable<Finding> Check(AnnualReport report, IReadOnlyList<string> prose)
    {
        foreach (var text in prose)
        {
            foreach (var sentence in Sentences(text))
            {
                foreach (var claim in Claims)
                {
                    if (!sentence.Contains(claim.Word, StringComparison.Ordinal))
                        continue;
                    foreach (Match m in claim.Pattern.Matches(sentence))
                    {
                        if (!decimal.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var stated))
                            continue;
                        var readings = claim.Readings(report).Where(x => x.Value is not null).ToList();
                        if (readings.Count == 0 || readings.Any(x => x.Value == stated))
                            continue;
                        var first = readings[0];
                        yield return new(Rules.TextTable, Severity.Warning,
                            $"正文“{Quote(sentence, m)}”称{claim.What}{Cell.Format(stated)}件，但{first.Shown ?? "表中为" + Cell.Format(first.Value!.Value)}",
                            first.Cells);
                    }
                }
            }
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

    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('。' or ';' or '!' or '?' or '\n'))
                continue;
            if (i > start)
                yield return text[start..i];
            start = i + 1;
        }
    }

    private static string Quote(string sentence, Match m)
    {
        var start = Math.Max(0, m.Index - 6);
        return sentence[start..Math.Min(sentence.Length, m.Index + m.Length)];
    }

    private static Reading Row(AnnualReport r, string key, int column = ReportSchema.TotalColumn) =>
        new(r.Requests.Value(key, column), [$"requests.{key}.{ReportSchema.ApplicantColumns[column].Key}"]);

    private static Reading Rows(AnnualReport r, params string[] keys) => Rows(r, ReportSchema.TotalColumn, keys);

    private static Reading Rows(AnnualReport r, int column, params string[] keys)
    {
        decimal? sum = 0;
        foreach (var key in keys)
            sum += r.Requests.Value(key, column);
        return new(sum, [.. keys.Select(k => $"requests.{k}.{ReportSchema.ApplicantColumns[column].Key}")]);
    }

    private static Reading Organisations(AnnualReport r, params string[] keys)
    {
        decimal? sum = 0;
        var cells = new List<string>();
        foreach (var key in keys)
        {
            for (var c = 1; c < ReportSchema.TotalColumn; c++)
            {
                sum += r.Requests.Value(key, c);
                cells.Add($"requests.{key}.{ReportSchema.ApplicantColumns[c].Key}");
            }
        }
        return new(sum, [.. cells]);
    }

    private static Reading Review(AnnualReport r, params string[] groups)
    {
        decimal? sum = 0;
        foreach (var g in groups)
            sum += r.ReviewLitigation.Value(g, ReportSchema.ReviewTotalColumn);
        return new(sum, [.. groups.Select(g => $"reviewLitigation.{g}.total")]);
    }

    /// <summary>A legacy indicator; a blank one counts as 0 against a figure the prose states.</summary>
    private static Reading Indicator(AnnualReport r, string label)
    {
        var indicator = r.Indicators.Find(i => i.Label.Contains(label, StringComparison.Ordinal));
        if (indicator is null)
            return new(null, []);
        return new(indicator.Value.Value ?? 0, [$"indicators.{indicator.Label}"],
            indicator.Value.Value is null ? $"统计表“{indicator.Label}”未填写" : null);
    }

    private const string Gap = @"[^,。;:!?\d]";
    private const string Number = @"(?<n>\d+)(?:件次|件|宗|个|份|起|例)";

    [GeneratedRegex($@"(?:收到|受理|接收|新收){Gap}{{0,16}}?申请{Gap}{{0,10}}?{Number}")]
    private static partial Regex Received();

    [GeneratedRegex($@"办理{Gap}{{0,16}}?(?:申请|申请事项|公开事项){Gap}{{0,6}}?{Number}")]
    private static partial Regex Handled();

    [GeneratedRegex($@"(?:申请)?办结{Gap}{{0,8}}?{Number}|{Number}(?:已|均已|全部)?办结")]
    private static partial Regex Concluded();

    [GeneratedRegex($@"结转(?:至|到)?下一?年度?{Gap}{{0,8}}?{Number}|{Number}(?:申请)?结转(?:至|到)?下一?年")]
    private static partial Regex CarriedForward();

    [GeneratedRegex($@"上一?年度?结转{Gap}{{0,10}}?{Number}")]
    private static partial Regex CarriedOver();

    [GeneratedRegex($@"(?:予以|同意)公开{Gap}{{0,4}}?{Number}")]
    private static partial Regex Granted();

    [GeneratedRegex($@"自然人(?:申请|提出申请|提出){Gap}{{0,4}}?{Number}")]
    private static partial Regex NaturalPersons();

    [GeneratedRegex($@"法人(?:或|和)其他组织(?:申请|提出申请|提出){Gap}{{0,4}}?{Number}")]
    private static partial Regex Organisations();

    [GeneratedRegex($@"行政复议(?:案件?|申请)?(?:共|合计)?{Number}")]
    private static partial Regex Review();

    [GeneratedRegex($@"行政诉讼(?:案件?)?(?:共|合计)?{Number}")]
    private static partial Regex Litigation();

    [GeneratedRegex(@"收费|费用|信息处理费")]
    private static partial Regex FeeMentioned();

    [GeneratedRegex(@"(?:未|没有|无|不|均未|零)(?:发出|收取|产生|发生|开具|涉及)?[^,。;]{0,10}?(?:收费|费用|信息处理费)|(?:收费|费用|处理费)[^,。;\d]{0,8}?(?:为)?(?:0|零)(?:元|次|件|笔)?(?![\d.])")]
    private static partial Regex NoFees();

    [GeneratedRegex(@"收取[^,。;]{0,12}?(?:信息处理费|费用)[^,。;\d]{0,6}?(?<n>\d+(?:\.\d+)?)万?元")]
    private static partial Regex FeeCharged();
}
