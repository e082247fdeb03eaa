namespace Gongkai.Domain.Requests;

/// <summary>
/// One step in a request's history. The history is append-only; every due date is derived from
/// it (docs/deadlines.md). <see cref="Date"/> is the legal date of the step, not when it was typed.
/// </summary>
public abstract record RequestEvent(DateOnly Date);

/// <summary>收到申请: the receipt date under 条例第三十一条 for the channel.</summary>
public sealed record Received(DateOnly Date, Channel Channel) : RequestEvent(Date);

/// <summary>补正告知 (第三十条): everything to correct, and the applicant's deadline.</summary>
public sealed record CorrectionRequested(DateOnly Date, DateOnly ApplicantDeadline, string Items) : RequestEvent(Date);

/// <summary>收到补正: the 20 working days run anew from this day.</summary>
public sealed record CorrectionReceived(DateOnly Date) : RequestEvent(Date);

public enum ConsultationKind
{
    /// <summary>征求第三方意见 (第三十二条).</summary>
    ThirdParty,

    /// <summary>征求其他机关意见 (第三十四条).</summary>
    OtherAgency,
}

/// <summary>征求意见开始: the time until it ends is not counted in the 20 days.</summary>
public sealed record ConsultationStarted(DateOnly Date, ConsultationKind Kind, string Party) : RequestEvent(Date);

public sealed record ConsultationEnded(DateOnly Date, string Opinion) : RequestEvent(Date);

/// <summary>延期答复 (第三十三条第二款): at most 20 working days, once, approved by the office's head.</summary>
public sealed record Extended(DateOnly Date, int WorkingDays, string ApprovedBy, string Reason) : RequestEvent(Date);

/// <summary>收费通知 (国办函〔2020〕109号): the waiting time is not counted.</summary>
public sealed record FeeNotified(DateOnly Date, FeeBasis Basis, int Quantity, decimal Amount) : RequestEvent(Date);

public sealed record FeePaid(DateOnly Date) : RequestEvent(Date);

/// <summary>作出答复决定: the one outcome, with its reasons.</summary>
public sealed record Decided(DateOnly Date, Outcome Outcome, string Reason) : RequestEvent(Date);

/// <summary>申请人撤回申请: closes the request as 其他处理.</summary>
public sealed record Withdrawn(DateOnly Date, string Reason) : RequestEvent(Date);

/// <summary>送达: the reply reached the applicant; the request is closed.</summary>
public sealed record Delivered(DateOnly Date, string Method) : RequestEvent(Date);
