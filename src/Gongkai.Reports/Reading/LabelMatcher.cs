using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Reading;

/// <summary>
/// Recognises the row labels of tables 二 and 三 in their normalised form, whatever the script,
/// numbering or wrapping. Patterns are distinctive parts of the official labels, tried in an
/// order where no earlier pattern is part of a later label.
/// </summary>
internal static partial class LabelMatcher
{
    private static readonly (string Key, Func<string, string, bool> Match)[] RequestRows =
    [
        ("carriedForward", (l, _) => Has(l, "结转下年", "下年度继续办理", "下一年度继续办理", "结转下一年")),
        ("carriedOver", (l, _) => Has(l, "上年结转", "上一年结转", "上年度结转", "上一年度结转")),
        ("newReceived", (l, _) => Has(l, "新收", "本年收到", "本年度收到")),
        ("results.partiallyGranted", (l, _) => Has(l, "部分公开")),
        ("results.granted", (l, _) => Has(l, "予以公开")),
        ("results.denied.stateSecret", (l, _) => Has(l, "国家秘密")),
        ("results.denied.prohibitedByLaw", (l, _) => Has(l, "禁止公开", "其他法律行政法规")),
        ("results.denied.threeSecurityOneStability", (l, _) => Has(l, "三安全", "一稳定")),
        ("results.denied.thirdPartyRights", (l, _) => Has(l, "第三方")),
        ("results.denied.internalAffairs", (l, _) => Has(l, "内部事务")),
        ("results.denied.processInformation", (l, _) => Has(l, "过程性")),
        ("results.denied.enforcementCaseFile", (l, _) => Has(l, "执法案卷")),
        ("results.denied.administrativeQuery", (l, _) => Has(l, "查询事项")),
        ("results.unavailable.notHeld", (l, _) => Has(l, "不掌握")),
        ("results.unavailable.needsCreation", (l, _) => Has(l, "另行制作", "现成信息")),
        ("results.unavailable.unclearAfterCorrection", (l, _) => Has(l, "仍不明确", "补正后申请")),
        ("results.notProcessed.petitionOrComplaint", (l, _) => Has(l, "信访", "举报投诉")),
        ("results.notProcessed.duplicate", (l, _) => Has(l, "重复申请")),
        ("results.notProcessed.publication", (l, _) => Has(l, "出版物", "要求提供公开")),
        ("results.notProcessed.massRepeated", (l, _) => Has(l, "大量反复", "无正当理由大量")),
        ("results.notProcessed.confirmOrReissue", (l, _) => Has(l, "重新出具", "确认或", "行政机关确认")),
        ("results.other.noCorrection", (l, _) => Has(l, "不补正", "逾期不补", "无正当理由逾期", "申请人无正当理由")),
        ("results.other.feeUnpaid", (l, _) => Has(l, "缴纳费用", "收费通知", "未按收费", "逾期未按")),
        ("results.other.other", (_, bare) => bare == "其他"),
        ("results.other", (_, bare) => bare is "其他处理" or "其他处理情形"),
        ("results.total", (_, bare) => bare is "总计" or "合计" or "总数"),
    ];

    private static readonly (string Key, Func<string, string, bool> Match)[] ProactiveRows =
    [
        ("normativeDocuments", (l, _) => Has(l, "规范性文件")),
        ("rules", (_, bare) => bare is "规章" or "政府规章" or "部门规章" or "地方政府规章"),
        ("otherServices", (l, _) => Has(l, "对外管理服务")),
        ("licensing", (l, _) => Has(l, "行政许可")),
        ("penalties", (l, _) => Has(l, "行政处罚")),
        ("coercion", (l, _) => Has(l, "行政强制")),
        ("fees", (l, _) => Has(l, "事业性收费")),
        ("procurement", (l, _) => Has(l, "集中采购", "政府采购")),
    ];

    private static readonly (string Key, Func<string, string, bool> Match)[] ReviewRows =
    [
        ("litigationWithoutReview", (l, _) => Has(l, "未经复议", "直接起诉")),
        ("litigationAfterReview", (l, _) => Has(l, "复议后起诉", "经复议后")),
        ("review", (_, bare) => bare is "行政复议"),
    ];

    public static string? Match(ReportTable table, string label)
    {
        var bare = Bare(label);
        var rows = table switch
        {
            ReportTable.Requests => RequestRows,
            ReportTable.Proactive => ProactiveRows,
            ReportTable.ReviewLitigation => ReviewRows,
        };
        foreach (var (key, match) in rows)
        {
            if (match(label, bare))
                return key;
        }
        return null;
    }

    /// <summary>
    /// The row a label names from its last outline number on, when text runs before that number
    /// (禁止公开3.危及“三安全一稳定”: the end of the row above, run on below its rule, then this row's
    /// own label), or by its leading number ((六)其他处理或重新出具已获取信息: the end of the row above
    /// printed after it), when that row differs from the one the whole label's words name; null otherwise.
    /// </summary>
    public static string? Alternative(ReportTable table, string label, string key, string? group)
    {
        var other = (OwnPart(label) is { } tail ? Match(table, tail) ?? ByNumber(table, tail, group) : null) ?? ByNumber(table, label, group);
        return other != key ? other : null;
    }

    /// <summary>
    /// The two rows a label names when both its part before its last outline number and that
    /// numbered part name a row ((七)总计四、结转下年度继续办理); null otherwise.
    /// </summary>
    public static (string First, string Second)? TwoRows(ReportTable table, string label, string? group)
    {
        if (OwnPart(label) is not { } own)
            return null;
        var lead = label[..^own.Length];
        var first = Match(table, lead) ?? ByNumber(table, lead, group);
        var second = Match(table, own) ?? ByNumber(table, own, group);
        return first is not null && second is not null && first != second ? (first, second) : null;
    }

    /// <summary>The label from its last outline number on, when text runs before that number; null otherwise.</summary>
    public static string? OwnPart(string label)
    {
        var numbers = InnerNumber().Matches(label);
        return numbers.Count == 0 || numbers[^1].Index == 0 ? null : label[numbers[^1].Index..];
    }

    /// <summary>The rows numbered 1, 2 … under each group of table 三's outcomes, in the template's order.</summary>
    private static readonly Dictionary<char, string[]> Groups = new()
    {
        ['三'] = [.. ReportSchema.Rows(ReportTemplate.Y2021, ReportTable.Requests).Where(r => r.Key.StartsWith("results.denied.", StringComparison.Ordinal)).Select(r => r.Key)],
        ['四'] = [.. ReportSchema.Rows(ReportTemplate.Y2021, ReportTable.Requests).Where(r => r.Key.StartsWith("results.unavailable.", StringComparison.Ordinal)).Select(r => r.Key)],
        ['五'] = [.. ReportSchema.Rows(ReportTemplate.Y2021, ReportTable.Requests).Where(r => r.Key.StartsWith("results.notProcessed.", StringComparison.Ordinal)).Select(r => r.Key)],
        ['六'] = ["results.other.noCorrection", "results.other.feeUnpaid", "results.other.other"],
    };

    /// <summary>
    /// The row of table 三 a label names by its number alone, when its words were cut short (a
    /// label wrapped past its row: 2.其他法律行政法 / 规禁止公开): 1. 2. … under the group the rows
    /// above opened (<paramref name="group"/>: 三 for （三）不予公开 …), and （六） （七） after the
    /// groups. Only inside the groups: elsewhere （一） or 1. numbers any subheading.
    /// </summary>
    public static string? ByNumber(ReportTable table, string label, string? group)
    {
        if (table != ReportTable.Requests || group is not [var g] || LeadingNumber().Match(label) is not { Success: true } m)
            return null;
        if (m.Groups["paren"].Success)
            return m.Groups["paren"].Value switch { "六" => "results.other", "七" => "results.total", _ => null };
        var n = m.Groups["n"].Value[0] - '1';
        return Groups.TryGetValue(g, out var rows) && n < rows.Length ? rows[n] : null;
    }

    /// <summary>The group a label opens: （三）不予公开 → 三; null when it opens none.</summary>
    public static string? GroupOf(string label) => GroupStart().Match(label) is { Success: true } m ? m.Groups["g"].Value : null;

    /// <summary>The label without its numbering: （六）其他处理 → 其他处理, 3.其他 → 其他.</summary>
    public static string Bare(string label) => Numbering().Replace(label, "");

    private static bool Has(string label, params string[] parts)
    {
        foreach (var p in parts)
        {
            if (label.Contains(p, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[.、)]|[①-⑳])+")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|(?<!\d)\d[.、](?!\d))")]
    private static partial Regex InnerNumber();

    [GeneratedRegex(@"^(?:\((?<paren>[六七])\)|(?<n>[1-8])[.、](?!\d))")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^\((?<g>[三四五六])\)")]
    private static partial Regex GroupStart();
}
