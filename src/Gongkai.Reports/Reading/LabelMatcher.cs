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
        ("results.notProcessed.confirmOrReissue", (l, _) => Has(l, "重新出具", "确认或")),
        ("results.other.noCorrection", (l, _) => Has(l, "不补正", "逾期不补", "无正当理由逾期")),
        ("results.other.feeUnpaid", (l, _) => Has(l, "缴纳费用", "收费通知", "未按收费")),
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
}
