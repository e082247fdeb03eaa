namespace Gongkai.Domain.Requests;

/// <summary>
/// One step in a request's history. The history is append-only; every due date is derived from
/// it (docs/deadlines.md). <see cref="Date"/> is the legal date of the step, not when it was typed.
/// </summary>
public abstract record RequestEvent(DateOnly Date);

/// <summary>收到申请: the receipt date under 条例第三十一条 for the channel.</summary>
public sealed record Received(DateOnly Date, Channel Channel) : RequestEvent(Date);

/// <summary>
/// 补正告知 (第三十条): everything to correct and the applicant's period, in working days counted
/// from the day the applicant receives the notice (<see cref="PeriodWorkingDays"/>). Histories
/// recorded before periods were counted from receipt carry a fixed <see cref="ApplicantDeadline"/>.
/// </summary>
public sealed record CorrectionRequested(DateOnly Date, DateOnly? ApplicantDeadline, string Items, int? PeriodWorkingDays = null) : RequestEvent(Date);

/// <summary>收到补正: the 20 working days run anew from this day, and an extension is decided anew.</summary>
public sealed record CorrectionReceived(DateOnly Date) : RequestEvent(Date);

public enum ConsultationKind
{
    /// <summary>征求第三方意见 (第三十二条): the time is not counted.</summary>
    ThirdParty,

    /// <summary>征求其他机关意见 (第三十四条): the time is not counted.</summary>
    OtherAgency,

    /// <summary>征求本机关内部业务部门意见: no article stops the clock for it, so its time is counted.</summary>
    InternalDepartment,
}

/// <summary>
/// 征求意见开始: the letter to <see cref="Party"/> goes out. A third party or another agency answers
/// within 15 working days of receiving it; an internal department within <see cref="WorkingDays"/>.
/// Several consultations may run at once, each known by its party.
/// </summary>
public sealed record ConsultationStarted(DateOnly Date, ConsultationKind Kind, string Party, int? WorkingDays = null) : RequestEvent(Date);

/// <summary>
/// 收到意见: the party's answer (or the office's record that none came or the letter could not be
/// delivered). <see cref="Objects"/>: a third party does not agree to disclosure (第三十二条).
/// Histories from before several consultations name no party: the one under way is meant.
/// </summary>
public sealed record ConsultationReplied(DateOnly Date, string? Party, string Opinion, bool? Objects = null) : RequestEvent(Date);

/// <summary>延期答复 (第三十三条第二款): at most 20 working days, once per running of the limit, approved by the office's head.</summary>
public sealed record Extended(DateOnly Date, int WorkingDays, string ApprovedBy, string Reason) : RequestEvent(Date);

/// <summary>收费通知 (国办函〔2020〕109号): the waiting time is not counted.</summary>
public sealed record FeeNotified(DateOnly Date, FeeBasis Basis, int Quantity, decimal Amount) : RequestEvent(Date);

public sealed record FeePaid(DateOnly Date) : RequestEvent(Date);

/// <summary>减免信息处理费: the office waives the fee it notified, with its reason; the clock runs again.</summary>
public sealed record FeeWaived(DateOnly Date, string Reason) : RequestEvent(Date);

/// <summary>
/// 要求说明理由 (第三十五条): the number or frequency of the applicant's requests is clearly beyond a
/// reasonable range; the applicant explains within <see cref="PeriodWorkingDays"/> of receiving the
/// letter. The answer's limit keeps running: the Regulation stops it for nothing of the kind.
/// </summary>
public sealed record ReasonsRequested(DateOnly Date, int PeriodWorkingDays) : RequestEvent(Date);

/// <summary>
/// 收到申请人说明的理由. When the office finds them reasonable but cannot answer within the limit it
/// sets a reasonable longer period (<see cref="WorkingDays"/> from this day, 第三十五条); without one,
/// the reasons are not accepted and the request may be closed as 大量反复申请.
/// </summary>
public sealed record ReasonsReceived(DateOnly Date, string Reasons, int? WorkingDays = null) : RequestEvent(Date);

/// <summary>One item of a request split into items (一事一申请), with its own outcome and reasons.</summary>
public sealed record DecisionItem(string Description, Outcome Outcome, string Reason);

/// <summary>作出答复决定: the one outcome, with its reasons; for a split request, each item's too.</summary>
public sealed record Decided(DateOnly Date, Outcome Outcome, string Reason, IReadOnlyList<DecisionItem>? Items = null) : RequestEvent(Date);

/// <summary>申请人撤回申请: closes the request as 其他处理.</summary>
public sealed record Withdrawn(DateOnly Date, string Reason) : RequestEvent(Date);

/// <summary>How a notice or letter was delivered (送达).</summary>
public enum DeliveryChannel
{
    /// <summary>当面送达 (signed for on a 送达回证).</summary>
    InPerson,

    /// <summary>邮寄送达, with the tracking number; received the day it is signed for.</summary>
    Post,

    /// <summary>电子送达: e-mail or download from the platform, received when opened or confirmed.</summary>
    Electronic,

    /// <summary>短信或平台通知, received when read.</summary>
    Notice,
}

/// <summary>
/// 送达: the letter of step <see cref="Of"/> (its place in the history, 1-based) reached its addressee
/// on <see cref="Date"/> (the day signed for, the read receipt …), having been sent on
/// <see cref="SentOn"/>. Every period the law counts "自收到" runs from <see cref="Date"/>. The
/// decision's delivery to the applicant closes the request; <see cref="Party"/> names any other
/// addressee (a third party told of a disclosure over its objection). Histories from before
/// deliveries were recorded hold only the decision's, with no <see cref="Of"/>.
/// </summary>
public sealed record Delivered(
    DateOnly Date,
    string Method,
    int? Of = null,
    DeliveryChannel? Channel = null,
    DateOnly? SentOn = null,
    string? Reference = null,
    string? Party = null) : RequestEvent(Date);
