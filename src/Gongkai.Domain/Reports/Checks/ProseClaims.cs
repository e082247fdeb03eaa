using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Domain.Reports.Checks;

/// <summary>One way the tables could back a figure the prose states: its value, the cells it comes from, how to say it.</summary>
public sealed record ClaimReading(decimal? Value, IReadOnlyList<string> Cells, string Shown);

/// <summary>
/// A figure the prose states (予以公开及部分公开258件, 未发生行政复议), the sentence it stands in, and
/// every reading of the tables the sentence could mean. It agrees when any reading equals it.
/// </summary>
public sealed record ProseClaim(string Sentence, string What, decimal Stated, string Unit, IReadOnlyList<ClaimReading> Readings)
{
    /// <summary>The words of the sentence that state the figure, in matching form (制发行政规范性文件9件).</summary>
    public string Matched { get; init; } = "";

    public ClaimReading? Agreeing => Readings.FirstOrDefault(r => r.Value == Stated);

    /// <summary>The tables hold what the claim is about (not every cell unreadable or absent).</summary>
    public bool IsCheckable => Readings.Any(r => r.Value is not null);

    /// <summary>The claim as the sentence states it: 予以公开及部分公开258件, 未发生行政复议.</summary>
    public string Statement => Unit.Length == 0 && Stated == 0 && What.StartsWith('未') ? What : $"{What}{Cell.Format(Stated)}{Unit}";
}

/// <summary>
/// Finds the figures the prose states about the tables, in every way real reports put them:
/// totals (共受理/收到申请, 上年结转, 办结, 结转下年度), outcomes alone and combined (予以公开及部分公开,
/// 不予公开和无法提供, 无法提供, 不予处理, 其他处理), applicants, review and litigation counts and
/// outcomes (and 未发生行政复议), normative documents (制发, 废止, 现行有效), fees (行政事业性收费,
/// 逾期未缴费不再处理). A number already taken by a wider claim is not read again by a narrower one
/// (258 of 予以公开及部分公开258件 is not 部分公开258件); a figure about another year (较上年增加30件)
/// is no claim.
/// </summary>
public static partial class ProseClaims
{
    private const string Req = "requests";
    private const string Rev = "reviewLitigation";
    private const string Pro = "proactive";

    private delegate IEnumerable<ClaimReading> Readings(AnnualReport report, string sentence);

    /// <summary>
    /// A kind of claim: what it states, a word that must occur for its pattern to be tried, whether the
    /// sentence must be about requests for disclosure (受理申请 is also said of licences), its readings.
    /// </summary>
    private sealed record Kind(string What, string Word, Regex Pattern, Readings Readings, bool AboutRequests = false);

    private static readonly Kind[] Kinds =
    [
        new("未收到政府信息公开申请", "未", ReceivedNone(), (r, _) => [Row(r, "newReceived")]),
        new("予以公开及部分公开", "部分公开", GrantedAndPartial(), (r, _) => [Rows(r, "“（一）予以公开”与“（二）部分公开”两行", "results.granted", "results.partiallyGranted")]),
        new("不予公开及无法提供", "无法提供", DeniedAndUnavailable(), (r, _) => [Group(r, "“（三）不予公开”与“（四）无法提供”各项", "results.denied.", "results.unavailable.")]),
        new("收到申请", "申请", Received(), (r, _) => [Row(r, "newReceived"), Rows(r, "“一、本年新收”与“二、上年结转”两行", "newReceived", "carriedOver"), Indicator(r, "收到申请数")], AboutRequests: true),
        new("办理申请", "办理", Handled(), (r, _) => [Row(r, "newReceived"), Row(r, "results.total"), Rows(r, "“一、本年新收”与“二、上年结转”两行", "newReceived", "carriedOver"), Indicator(r, "收到申请数"), Indicator(r, "申请办结数")], AboutRequests: true),
        new("办结申请", "办结", Concluded(), (r, _) => [Row(r, "results.total"), Indicator(r, "申请办结数"), Indicator(r, "申请答复数")], AboutRequests: true),
        new("答复申请", "答复", Answered(), (r, _) => [Row(r, "results.total"), Indicator(r, "申请答复数"), Indicator(r, "申请办结数")], AboutRequests: true),
        new("结转下年度", "结转", CarriedForward(), (r, _) => [Row(r, "carriedForward")]),
        new("上年结转", "结转", CarriedOver(), (r, _) => [Row(r, "carriedOver")]),
        new("予以公开", "公开", Granted(), (r, _) => [Row(r, "results.granted"), Rows(r, "“（一）予以公开”与“（二）部分公开”两行", "results.granted", "results.partiallyGranted"), Indicator(r, "同意公开答复数")]),
        new("部分公开", "部分公开", Partial(), (r, _) => [Row(r, "results.partiallyGranted"), Indicator(r, "同意部分公开答复数")]),
        new("不予公开", "不予公开", Denied(), (r, _) => [Group(r, "“（三）不予公开”各项", "results.denied."), Indicator(r, "不同意公开答复数")]),
        new("不掌握相关政府信息", "不掌握", NotHeld(), (r, _) => [Row(r, "results.unavailable.notHeld"), Group(r, "“（四）无法提供”各项", "results.unavailable.")]),
        new("无法提供", "无法提供", Unavailable(), (r, _) => [Group(r, "“（四）无法提供”各项", "results.unavailable.")]),
        new("不予处理", "不予处理", NotProcessed(), (r, _) => [Group(r, "“（五）不予处理”各项", "results.notProcessed.")]),
        new("其他处理", "其他处理", OtherHandling(), (r, _) => [Group(r, "“（六）其他处理”", "results.other")]),
        new("逾期未缴纳费用不再处理", "缴纳", FeeUnpaid(), (r, _) => [Row(r, "results.other.feeUnpaid")]),
        new("自然人申请", "自然人", NaturalPersons(), (r, _) => [Row(r, "newReceived", 0), Rows(r, 0, "“一、本年新收”与“二、上年结转”两行", "newReceived", "carriedOver")]),
        new("法人或其他组织申请", "法人", Organisations(), (r, _) => [Organisations(r, "newReceived"), Organisations(r, "newReceived", "carriedOver")]),
        new("商业企业申请", "商业企业", Commercial(), (r, _) => [Row(r, "newReceived", 1)]),
        new("未发生行政复议", "复议", ReviewNone(), (r, _) => [Review(r, "review")]),
        new("未发生行政诉讼", "诉讼", LitigationNone(), (r, _) => [Review(r, "litigationWithoutReview", "litigationAfterReview")]),
        new("复议后起诉", "复议后", AfterReview(), (r, _) => [Review(r, "litigationAfterReview")]),
        new("未经复议直接起诉", "直接起诉", WithoutReview(), (r, _) => [Review(r, "litigationWithoutReview")]),
        new("行政复议", "复议", ReviewCount(), (r, _) => [Review(r, "review"), Indicator(r, "行政复议数量")]),
        new("行政诉讼", "诉讼", LitigationCount(), (r, _) => [Review(r, "litigationWithoutReview", "litigationAfterReview"), Review(r, "litigationWithoutReview"), Review(r, "litigationAfterReview"), Indicator(r, "行政诉讼数量")]),
        new("结果维持", "维持", Upheld(), (r, s) => Outcome(r, s, 0)),
        new("结果纠正", "纠正", Corrected(), (r, s) => Outcome(r, s, 1)),
        new("尚未审结", "审结", Pending(), (r, s) => Outcome(r, s, 3)),
        new("制发规范性文件", "规范性文件", NormativeIssued(), (r, _) => Documents(r, "normativeDocuments", "issued", "made", "published")),
        new("废止规范性文件", "废止", NormativeRepealed(), (r, _) => Documents(r, "normativeDocuments", "repealed")),
        new("现行有效规范性文件", "现行有效", NormativeInForce(), (r, _) => Documents(r, "normativeDocuments", "inForce")),
        new("制定规章", "规章", RulesIssued(), (r, _) => Documents(r, "rules", "issued", "made", "published")),
    ];

    /// <summary>The claims of every section's prose.</summary>
    public static List<ProseClaim> Find(AnnualReport report) => Find(report, ReportChecks.Prose(report));

    /// <summary>The claims of the prose, each section normalised (<see cref="ReportChecks.Prose"/>) and in the report's order.</summary>
    public static List<ProseClaim> Find(AnnualReport report, IReadOnlyList<string> prose)
    {
        var claims = new List<ProseClaim>();
        for (var s = 0; s < prose.Count; s++)
        {
            var inRequests = s < report.Sections.Count && report.Sections[s].Topic == SectionTopic.Requests;
            foreach (var sentence in Sentences(prose[s]))
                Claims(report, sentence, inRequests, claims);
        }
        claims.AddRange(Fees(report, prose));
        return claims;
    }

    private static void Claims(AnnualReport report, string sentence, bool inRequests, List<ProseClaim> claims)
    {
        List<(int Start, int Length)>? taken = null;
        var aboutRequests = inRequests || AboutRequests().IsMatch(sentence);
        foreach (var kind in Kinds)
        {
            if (!sentence.Contains(kind.Word, StringComparison.Ordinal) || kind.AboutRequests && !aboutRequests)
                continue;
            foreach (Match m in kind.Pattern.Matches(sentence))
            {
                // A claim of none (未发生行政复议) has no figure to take; a figure is read by one claim only.
                var n = m.Groups["n"];
                if (n.Success && taken is not null && taken.Any(t => t.Start < n.Index + n.Length && n.Index < t.Start + t.Length))
                    continue;
                if (AboutAnotherTime(sentence, m.Index, report.Year))
                    continue;
                decimal stated = 0;
                if (n.Success)
                {
                    if (Number(n.Value) is not { } value)
                        continue;
                    stated = value;
                    (taken ??= []).Add((n.Index, n.Length));
                }
                var readings = kind.Readings(report, sentence).Where(x => x.Cells.Count > 0).ToList();
                claims.Add(new ProseClaim(Quote(sentence, m), kind.What, stated, n.Success ? m.Groups["u"].Value : "", readings) { Matched = m.Value });
            }
        }
    }

    /// <summary>行政事业性收费 in 万元 (2021 template), whatever unit the prose uses.</summary>
    private static IEnumerable<ProseClaim> Fees(AnnualReport report, IReadOnlyList<string> prose)
    {
        if (report.Template != ReportTemplate.Y2021)
            yield break;
        foreach (var sentence in prose.SelectMany(Sentences))
        {
            if (!sentence.Contains("行政事业性收费", StringComparison.Ordinal))
                continue;
            foreach (Match m in FeeAmount().Matches(sentence))
            {
                if (!decimal.TryParse(m.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
                    continue;
                var scale = m.Groups["u"].Value switch { "元" => 0.0001m, "亿元" => 10000m, _ => 1m };
                var path = $"{Pro}.fees.amount";
                var value = report.Proactive.Value("fees", 0);
                // The prose rounds (2.23万元 for 2.22934): the table's amount in the prose's unit, to the prose's decimals.
                var decimals = m.Groups["n"].Value.Split('.') is [_, var fraction] ? fraction.Length : 0;
                yield return new ProseClaim(Quote(sentence, m), "行政事业性收费", amount, m.Groups["u"].Value,
                    [new(value is { } v ? Math.Round(v / scale, decimals, MidpointRounding.AwayFromZero) : null, [path],
                        $"{CellNames.Describe(report.Template, path)}为{Show(value)}万元")]) { Matched = "行政事业性收费" + m.Value };
            }
        }
    }

    /// <summary>较上年增加30件, 2021年收到申请300件 in a 2022 report: a figure about another time is no claim on this report's tables.</summary>
    private static bool AboutAnotherTime(string sentence, int at, int? year)
    {
        var before = sentence[Math.Max(0, at - 12)..at];
        if (Comparison().IsMatch(before))
            return true;
        foreach (Match y in OtherYear().Matches(sentence[..at]))
        {
            if (year is { } ry && int.Parse(y.Groups["y"].Value, CultureInfo.InvariantCulture) != ry && at - y.Index <= 12)
                return true;
        }
        return false;
    }

    internal static IEnumerable<string> Sentences(string text)
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

    /// <summary>The sentence around a claim, at most about 60 characters of it.</summary>
    private static string Quote(string sentence, Match m)
    {
        if (sentence.Length <= 60)
            return sentence;
        var start = Math.Max(0, m.Index - 24);
        var end = Math.Min(sentence.Length, m.Index + m.Length + 12);
        return (start > 0 ? "…" : "") + sentence[start..end] + (end < sentence.Length ? "…" : "");
    }

    /// <summary>12, 两, 十五: a count as the prose writes it.</summary>
    private static decimal? Number(string text)
    {
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
            return n;
        const string digits = "零一二三四五六七八九";
        int Digit(char c) => c == '两' ? 2 : digits.IndexOf(c, StringComparison.Ordinal);
        return text switch
        {
            [var c] when c == '十' => 10,
            [var c] => Digit(c),
            ['十', var u] => 10 + Digit(u),
            [var t, '十'] => Digit(t) * 10,
            [var t, '十', var u] => Digit(t) * 10 + Digit(u),
            _ => null,
        };
    }

    private static string Show(decimal? value) => value is { } v ? Cell.Format(v) : "未能读出";

    private static ClaimReading Row(AnnualReport r, string key, int column = ReportSchema.TotalColumn)
    {
        var path = $"{Req}.{key}.{ReportSchema.ApplicantColumns[column].Key}";
        var value = r.Requests.Value(key, column);
        return r.Requests[key] is null ? new(null, [], "") : new(value, [path], $"{CellNames.Describe(r.Template, path)}为{Show(value)}");
    }

    private static ClaimReading Rows(AnnualReport r, string name, params string[] keys) => Rows(r, ReportSchema.TotalColumn, name, keys);

    private static ClaimReading Rows(AnnualReport r, int column, string name, params string[] keys)
    {
        var present = keys.Where(k => r.Requests[k] is not null).ToList();
        if (present.Count < keys.Length)
            return new(null, [], "");
        decimal? sum = 0;
        foreach (var key in keys)
            sum += r.Requests.Value(key, column);
        var col = ReportSchema.ApplicantColumns[column];
        return new(sum, [.. keys.Select(k => $"{Req}.{k}.{col.Key}")], $"表三{name}“{col.Label}”栏之和为{Show(sum)}");
    }

    /// <summary>The total column of every row of table 三 whose key starts with one of <paramref name="prefixes"/>.</summary>
    private static ClaimReading Group(AnnualReport r, string name, params string[] prefixes)
    {
        var keys = r.Rows(ReportTable.Requests).Select(d => d.Key)
            .Where(k => prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)) && r.Requests[k] is not null).ToList();
        if (keys.Count == 0)
            return new(null, [], "");
        decimal? sum = 0;
        foreach (var key in keys)
            sum += r.Requests.Value(key, ReportSchema.TotalColumn);
        return new(sum, [.. keys.Select(k => $"{Req}.{k}.total")], $"表三{name}的“总计”栏之和为{Show(sum)}");
    }

    private static ClaimReading Organisations(AnnualReport r, params string[] keys)
    {
        if (keys.Any(k => r.Requests[k] is null))
            return new(null, [], "");
        decimal? sum = 0;
        var cells = new List<string>();
        foreach (var key in keys)
        {
            for (var c = 1; c < ReportSchema.TotalColumn; c++)
            {
                sum += r.Requests.Value(key, c);
                cells.Add($"{Req}.{key}.{ReportSchema.ApplicantColumns[c].Key}");
            }
        }
        return new(sum, cells, $"表三{(keys.Length == 1 ? "“一、本年新收”行" : "“一、本年新收”与“二、上年结转”两行")}法人或其他组织五栏之和为{Show(sum)}");
    }

    private static ClaimReading Review(AnnualReport r, params string[] groups) => Review(r, ReportSchema.ReviewTotalColumn, groups);

    private static ClaimReading Review(AnnualReport r, int column, params string[] groups)
    {
        if (groups.Any(g => r.ReviewLitigation[g] is null))
            return new(null, [], "");
        decimal? sum = 0;
        foreach (var g in groups)
            sum += r.ReviewLitigation.Value(g, column);
        var paths = groups.Select(g => $"{Rev}.{g}.{ReportSchema.ReviewColumns[column].Key}").ToArray();
        return new(sum, paths, groups.Length == 1
            ? $"{CellNames.Describe(r.Template, paths[0])}为{Show(sum)}"
            : $"表四“未经复议直接起诉”与“复议后起诉”的“{ReportSchema.ReviewColumns[column].Label}”栏之和为{Show(sum)}");
    }

    /// <summary>维持/纠正/尚未审结 counts in a sentence about 复议, about 诉讼, or about both.</summary>
    private static IEnumerable<ClaimReading> Outcome(AnnualReport r, string sentence, int column)
    {
        var review = sentence.Contains("复议", StringComparison.Ordinal);
        var litigation = sentence.Contains("诉讼", StringComparison.Ordinal) || sentence.Contains("起诉", StringComparison.Ordinal);
        if (review)
            yield return Review(r, column, "review");
        if (litigation)
        {
            yield return Review(r, column, "litigationWithoutReview", "litigationAfterReview");
            yield return Review(r, column, "litigationWithoutReview");
            yield return Review(r, column, "litigationAfterReview");
        }
        if (review && litigation)
            yield return Review(r, column, "review", "litigationWithoutReview", "litigationAfterReview");
    }

    /// <summary>A column of table 二 that the template has: 制发 is issued (2021) or made/published (2019).</summary>
    private static IEnumerable<ClaimReading> Documents(AnnualReport r, string row, params string[] columns)
    {
        var def = ReportSchema.Row(r.Template, ReportTable.Proactive, row);
        if (def is null || r.Proactive[row] is null)
            yield break;
        for (var c = 0; c < def.Columns.Count; c++)
        {
            if (!columns.Contains(def.Columns[c].Key))
                continue;
            var path = def.CellPath(c);
            var value = r.Proactive.Value(row, c);
            yield return new(value, [path], $"{CellNames.Describe(r.Template, path)}为{Show(value)}");
        }
    }

    /// <summary>A legacy indicator; a blank one counts as 0 against a figure the prose states.</summary>
    private static ClaimReading Indicator(AnnualReport r, string label)
    {
        var indicator = r.Indicators.Find(i => i.Label.Contains(label, StringComparison.Ordinal));
        if (indicator is null)
            return new(null, [], "");
        return new(indicator.Value.Value ?? 0, [$"indicators.{indicator.Label}"],
            indicator.Value.Value is null ? $"统计表“{indicator.Label}”未填写" : $"统计表“{indicator.Label}”为{Show(indicator.Value.Value)}");
    }

    /// <summary>Between the keyword and the figure: no clause break, no digit, no word of change or comparison.</summary>
    private const string Gap = @"[^,。;:!?\d增减多少比较升降长占约超近余]";
    private const string N = @"(?<n>\d+|[零一二两三四五六七八九十]{1,3})(?<u>件次|件|宗|个|份|起|例|条|次)";

    [GeneratedRegex(@"信息公开|依申请|公开申请|申请公开")]
    private static partial Regex AboutRequests();

    [GeneratedRegex(@"(?:比|较|同比|环比|相比|上年|去年|上一年)[^,。;]{0,10}$")]
    private static partial Regex Comparison();

    [GeneratedRegex(@"(?<y>(?:19|20)\d\d)年")]
    private static partial Regex OtherYear();

    [GeneratedRegex(@"(?:未|没有)(?:收到|受理|接到|发生)[^,。;]{0,8}?(?:政府)?信息公开申请")]
    private static partial Regex ReceivedNone();

    [GeneratedRegex($@"(?:予以|同意)?公开(?:答复)?(?:及|和|与|、|或|以及)部分公开(?:答复)?(?:的)?(?:申请)?(?:共|合计)?{N}")]
    private static partial Regex GrantedAndPartial();

    [GeneratedRegex($@"不予公开(?:答复)?(?:及|和|与|、|或|以及)无法提供(?:答复)?(?:的)?(?:申请)?(?:共|合计)?{N}")]
    private static partial Regex DeniedAndUnavailable();

    [GeneratedRegex($@"(?:收到|受理|接收|新收|接到){Gap}{{0,16}}?申请{Gap}{{0,10}}?{N}")]
    private static partial Regex Received();

    [GeneratedRegex($@"办理{Gap}{{0,16}}?(?:申请|申请事项|公开事项){Gap}{{0,6}}?{N}")]
    private static partial Regex Handled();

    [GeneratedRegex($@"(?:申请)?办结{Gap}{{0,8}}?{N}|{N}(?:已|均已|全部)?办结")]
    private static partial Regex Concluded();

    [GeneratedRegex($@"(?:共|已|累计)答复{Gap}{{0,8}}?{N}")]
    private static partial Regex Answered();

    [GeneratedRegex($@"结转(?:至|到)?下一?年度?{Gap}{{0,8}}?{N}|{N}(?:申请)?结转(?:至|到)?下一?年")]
    private static partial Regex CarriedForward();

    [GeneratedRegex($@"上一?年度?结转{Gap}{{0,10}}?{N}")]
    private static partial Regex CarriedOver();

    [GeneratedRegex($@"(?:予以|同意|全部)公开(?:答复)?(?:的)?(?:申请)?{Gap}{{0,3}}?{N}")]
    private static partial Regex Granted();

    [GeneratedRegex($@"部分公开(?:答复)?(?:的)?(?:申请)?{Gap}{{0,3}}?{N}")]
    private static partial Regex Partial();

    [GeneratedRegex($@"不予公开(?:答复)?(?:的)?(?:申请)?{Gap}{{0,3}}?{N}")]
    private static partial Regex Denied();

    [GeneratedRegex($@"不掌握(?:相关)?(?:政府)?信息{Gap}{{0,4}}?{N}")]
    private static partial Regex NotHeld();

    [GeneratedRegex($@"无法提供(?:答复)?(?:的)?(?:申请)?{Gap}{{0,3}}?{N}")]
    private static partial Regex Unavailable();

    [GeneratedRegex($@"不予处理(?:答复)?(?:的)?(?:申请)?{Gap}{{0,3}}?{N}")]
    private static partial Regex NotProcessed();

    [GeneratedRegex($@"其他处理(?:答复)?(?:的)?(?:申请)?{Gap}{{0,3}}?{N}")]
    private static partial Regex OtherHandling();

    [GeneratedRegex($@"逾期未(?:按收费通知(?:要求)?)?缴纳(?:信息处理)?费用?[^,。;\d]{{0,16}}?{N}")]
    private static partial Regex FeeUnpaid();

    [GeneratedRegex($@"自然人(?:申请|提出申请|提出){Gap}{{0,4}}?{N}")]
    private static partial Regex NaturalPersons();

    [GeneratedRegex($@"法人(?:或|和|及)其他组织(?:申请|提出申请|提出){Gap}{{0,4}}?{N}")]
    private static partial Regex Organisations();

    [GeneratedRegex($@"商业企业(?:申请|提出申请|提出)?{Gap}{{0,2}}?{N}")]
    private static partial Regex Commercial();

    [GeneratedRegex(@"(?:(?:未|没有)(?:发生|收到|出现|涉及|产生|接到|被提起)|无)[^,。;\d]{0,20}?行政复议")]
    private static partial Regex ReviewNone();

    [GeneratedRegex(@"(?:(?:未|没有)(?:发生|收到|出现|涉及|产生|接到|被提起)|无)[^,。;\d]{0,20}?行政诉讼")]
    private static partial Regex LitigationNone();

    [GeneratedRegex($@"复议后(?:提起)?(?:行政)?(?:起诉|诉讼){Gap}{{0,4}}?{N}")]
    private static partial Regex AfterReview();

    [GeneratedRegex($@"直接(?:提起)?(?:行政)?(?:起诉|诉讼){Gap}{{0,4}}?{N}")]
    private static partial Regex WithoutReview();

    [GeneratedRegex($@"行政复议(?:案件|申请)?(?:共|合计|总计)?(?:为)?{N}|{N}行政复议")]
    private static partial Regex ReviewCount();

    [GeneratedRegex($@"行政诉讼(?:案件)?(?:共|合计|总计)?(?:为)?{N}|{N}行政诉讼")]
    private static partial Regex LitigationCount();

    [GeneratedRegex($@"(?:结果)?维持(?:原)?(?:行政行为|决定)?{Gap}{{0,2}}?{N}")]
    private static partial Regex Upheld();

    [GeneratedRegex($@"(?:结果)?纠正{Gap}{{0,2}}?{N}")]
    private static partial Regex Corrected();

    [GeneratedRegex($@"(?:尚)?未审结{Gap}{{0,2}}?{N}")]
    private static partial Regex Pending();

    [GeneratedRegex($@"(?:制发|出台|印发|发布|制定|制作)(?:了)?(?:行政)?规范性文件{Gap}{{0,3}}?{N}")]
    private static partial Regex NormativeIssued();

    [GeneratedRegex($@"废止(?:了)?(?:行政)?规范性文件{Gap}{{0,3}}?{N}|规范性文件[^,。;\d]{{0,12}}?废止{Gap}{{0,2}}?{N}")]
    private static partial Regex NormativeRepealed();

    [GeneratedRegex($@"现行有效(?:的)?(?:行政)?规范性文件{Gap}{{0,3}}?{N}|规范性文件[^,。;\d]{{0,12}}?现行有效{Gap}{{0,2}}?{N}")]
    private static partial Regex NormativeInForce();

    [GeneratedRegex($@"(?:制定|出台|发布)(?:了)?(?:政府)?规章{Gap}{{0,3}}?{N}")]
    private static partial Regex RulesIssued();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)(?<u>万元|亿元|元)")]
    private static partial Regex FeeAmount();
}
