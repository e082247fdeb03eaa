namespace Gongkai.Domain.Requests;

/// <summary>
/// The periods an office sets within the law's room (docs/deadlines.md): how long an applicant has
/// to correct (条例第三十条 "合理的补正期限") or to explain (第三十五条), how long an internal
/// department has to give its opinion, and the longest "reasonable period" it grants under
/// 第三十五条. All in working days, counted from the day the addressee receives the letter.
/// </summary>
public sealed record RequestRules(
    int CorrectionPeriodMin = 5,
    int CorrectionPeriodMax = 30,
    int CorrectionPeriodDefault = 15,
    int ReasonsPeriodMin = 5,
    int ReasonsPeriodDefault = 10,
    int InternalConsultationDefault = 5,
    int DelayMaxWorkingDays = 60)
{
    public static RequestRules Default { get; } = new();

    /// <summary>Why the rules cannot be used, or null.</summary>
    public string? Problem() =>
        CorrectionPeriodMin < 1 ? "补正期限的下限至少为1个工作日"
        : CorrectionPeriodMax < CorrectionPeriodMin ? "补正期限的上限不能小于下限"
        : CorrectionPeriodDefault < CorrectionPeriodMin || CorrectionPeriodDefault > CorrectionPeriodMax ? "默认补正期限应在上下限之间"
        : CorrectionPeriodMax > 60 ? "补正期限的上限不能超过60个工作日"
        : ReasonsPeriodMin < 1 || ReasonsPeriodDefault < ReasonsPeriodMin || ReasonsPeriodDefault > 60 ? "说明理由期限应在1至60个工作日之间，默认值不小于下限"
        : InternalConsultationDefault is < 1 or > 30 ? "内部征求意见期限应在1至30个工作日之间"
        : DelayMaxWorkingDays is < 1 or > 250 ? "延迟答复的合理期限上限应在1至250个工作日之间"
        : null;
}
