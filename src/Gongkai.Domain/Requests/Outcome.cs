namespace Gongkai.Domain.Requests;

/// <summary>
/// The one outcome of a closed request: a row of table 三 (docs/outcomes.md). A request partly
/// disclosed counts only as <see cref="PartiallyGranted"/>.
/// </summary>
public enum Outcome
{
    Granted,
    PartiallyGranted,
    DeniedStateSecret,
    DeniedProhibitedByLaw,
    DeniedThreeSecurityOneStability,
    DeniedThirdPartyRights,
    DeniedInternalAffairs,
    DeniedProcessInformation,
    DeniedEnforcementCaseFile,
    DeniedAdministrativeQuery,
    NotHeld,
    NeedsCreation,
    UnclearAfterCorrection,
    PetitionOrComplaint,
    Duplicate,
    Publication,
    MassRepeated,
    ConfirmOrReissue,
    NoCorrection,
    FeeUnpaid,
    Other,
}

/// <summary>What each outcome means: its row of table 三, its label, the article a reply cites.</summary>
public static class Outcomes
{
    public sealed record Info(string RowKey, string Label, string LegalBasis, bool IsRefusal);

    public static Info Of(Outcome outcome) => outcome switch
    {
        Outcome.Granted => new("results.granted", "予以公开", "《中华人民共和国政府信息公开条例》第三十六条第（一）项、第（二）项", false),
        Outcome.PartiallyGranted => new("results.partiallyGranted", "部分公开", "《中华人民共和国政府信息公开条例》第三十七条", true),
        Outcome.DeniedStateSecret => new("results.denied.stateSecret", "不予公开（属于国家秘密）", "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项", true),
        Outcome.DeniedProhibitedByLaw => new("results.denied.prohibitedByLaw", "不予公开（其他法律行政法规禁止公开）", "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项", true),
        Outcome.DeniedThreeSecurityOneStability => new("results.denied.threeSecurityOneStability", "不予公开（危及“三安全一稳定”）", "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项", true),
        Outcome.DeniedThirdPartyRights => new("results.denied.thirdPartyRights", "不予公开（保护第三方合法权益）", "《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项", true),
        Outcome.DeniedInternalAffairs => new("results.denied.internalAffairs", "不予公开（属于三类内部事务信息）", "《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项", true),
        Outcome.DeniedProcessInformation => new("results.denied.processInformation", "不予公开（属于四类过程性信息）", "《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项", true),
        Outcome.DeniedEnforcementCaseFile => new("results.denied.enforcementCaseFile", "不予公开（属于行政执法案卷）", "《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项", true),
        Outcome.DeniedAdministrativeQuery => new("results.denied.administrativeQuery", "不予公开（属于行政查询事项）", "《中华人民共和国政府信息公开条例》第三十六条第（七）项", true),
        Outcome.NotHeld => new("results.unavailable.notHeld", "无法提供（本机关不掌握相关政府信息）", "《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项", true),
        Outcome.NeedsCreation => new("results.unavailable.needsCreation", "无法提供（没有现成信息需要另行制作）", "《中华人民共和国政府信息公开条例》第三十八条", true),
        Outcome.UnclearAfterCorrection => new("results.unavailable.unclearAfterCorrection", "无法提供（补正后申请内容仍不明确）", "《中华人民共和国政府信息公开条例》第三十条", true),
        Outcome.PetitionOrComplaint => new("results.notProcessed.petitionOrComplaint", "不予处理（信访举报投诉类申请）", "《中华人民共和国政府信息公开条例》第三十九条第一款", true),
        Outcome.Duplicate => new("results.notProcessed.duplicate", "不予处理（重复申请）", "《中华人民共和国政府信息公开条例》第三十六条第（六）项", true),
        Outcome.Publication => new("results.notProcessed.publication", "不予处理（要求提供公开出版物）", "《中华人民共和国政府信息公开条例》第三十九条第二款", true),
        Outcome.MassRepeated => new("results.notProcessed.massRepeated", "不予处理（无正当理由大量反复申请）", "《中华人民共和国政府信息公开条例》第三十五条", true),
        Outcome.ConfirmOrReissue => new("results.notProcessed.confirmOrReissue", "不予处理（要求行政机关确认或重新出具已获取信息）", "《中华人民共和国政府信息公开条例》第三十八条", true),
        Outcome.NoCorrection => new("results.other.noCorrection", "其他处理（申请人无正当理由逾期不补正）", "《中华人民共和国政府信息公开条例》第三十条", false),
        Outcome.FeeUnpaid => new("results.other.feeUnpaid", "其他处理（申请人逾期未缴纳信息处理费）", "《中华人民共和国政府信息公开条例》第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", false),
        Outcome.Other => new("results.other.other", "其他处理", "", false),
    };

    /// <summary>The outcome of a row key of table 三 (the 2019 template's results.other is 其他) or of its name; null when neither.</summary>
    public static Outcome? Parse(string text)
    {
        if (text == "results.other")
            return Outcome.Other;
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            if (Of(outcome).RowKey == text || outcome.ToString() == text)
                return outcome;
        }
        return null;
    }

    /// <summary>The row of table 三 in the report template of a year: 2019–2020 reports have one （六）其他处理 row.</summary>
    public static string RowKey(Outcome outcome, Reports.ReportTemplate template) =>
        template == Reports.ReportTemplate.Y2019 && outcome is Outcome.NoCorrection or Outcome.FeeUnpaid or Outcome.Other
            ? "results.other"
            : Of(outcome).RowKey;
}

/// <summary>
/// A request split into items (一事一申请) is still one request in table 三, counted by the
/// template's rule: 部分公开 when some items are disclosed and others are not ("区分处理的，只计这一
/// 情形"); when no item is disclosed, the outcome of most items (the first of them on a tie), as
/// the table has one row per request.
/// </summary>
public static class DecisionItems
{
    public static Outcome Overall(IReadOnlyList<DecisionItem> items)
    {
        ArgumentOutOfRangeException.ThrowIfZero(items.Count);
        if (items.All(i => i.Outcome == items[0].Outcome))
            return items[0].Outcome;
        if (items.Any(i => i.Outcome is Outcome.Granted or Outcome.PartiallyGranted))
            return Outcome.PartiallyGranted;
        return items.GroupBy(i => i.Outcome)
            .Select(g => (Outcome: g.Key, Count: g.Count(), First: items.ToList().FindIndex(i => i.Outcome == g.Key)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.First)
            .First().Outcome;
    }
}
