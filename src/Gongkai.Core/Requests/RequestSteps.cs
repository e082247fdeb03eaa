using Gongkai.Domain.Requests;

namespace Gongkai.Core.Requests;

/// <summary>The actions staff take on a request, each adding one step to its history.</summary>
public enum RequestStep
{
    Receive,
    RequestCorrection,
    RecordCorrection,
    CloseForNoCorrection,
    StartConsultation,
    EndConsultation,
    Extend,
    NotifyFee,
    RecordPayment,
    CloseForNonPayment,
    Decide,
    Transfer,
    Deliver,
    Withdraw,
    WaiveFee,
    RequestReasons,
    RecordReasons,
}

/// <summary>What staff enter for a step; each step reads the fields it needs. Names are the form's field names.</summary>
public sealed record StepInput
{
    public RequestStep Step { get; init; }
    /// <summary>The request's version the form was made from (optimistic concurrency).</summary>
    public int Version { get; init; }
    /// <summary>The legal date of the step (not when it is typed in).</summary>
    public DateOnly? Date { get; init; }
    /// <summary>补正事项.</summary>
    public string? Items { get; init; }
    /// <summary>补正期限 or 说明理由期限: working days from the applicant's receipt of the letter.</summary>
    public int? PeriodWorkingDays { get; init; }
    public ConsultationKind ConsultationKind { get; init; }
    /// <summary>The third party or agency consulted.</summary>
    public string? Party { get; init; }
    public string? Opinion { get; init; }
    /// <summary>A third party's answer: it does not agree to disclosure (第三十二条).</summary>
    public bool? Objects { get; init; }
    /// <summary>Extension days; an internal consultation's term; the reasonable period of 第三十五条.</summary>
    public int? WorkingDays { get; init; }
    public FeeBasis FeeBasis { get; init; }
    /// <summary>按量计收: the pages provided.</summary>
    public int? Pages { get; init; }
    public Outcome? Outcome { get; init; }
    /// <summary>Reasons of a decision, an extension or a withdrawal.</summary>
    public string? Reason { get; init; }
    /// <summary>Transfer: the competent agency, chosen from the system or named.</summary>
    public int? CompetentAgencyId { get; init; }
    public string? CompetentAgencyName { get; init; }
    /// <summary>送达 method as the office words it: 邮寄（挂号信）, 电子邮件, 在线获取, 当面领取 ….</summary>
    public string? Method { get; init; }
    /// <summary>送达: the step whose letter was delivered (its sequence); none means the decision.</summary>
    public int? Of { get; init; }
    public DeliveryChannel? DeliveryChannel { get; init; }
    /// <summary>送达: the day the letter was sent (posted, handed to the courier); <see cref="Date"/> is the day it was received.</summary>
    public DateOnly? SentOn { get; init; }
    /// <summary>送达: the tracking number or the 送达回证's number.</summary>
    public string? Reference { get; init; }
    /// <summary>A split request: each item's description, outcome and reasons.</summary>
    public IReadOnlyList<ItemInput>? DecisionItems { get; init; }
    /// <summary>The reasons the applicant gave (第三十五条).</summary>
    public string? Reasons { get; init; }
}

/// <summary>One item of a split request's decision, as entered.</summary>
public sealed record ItemInput(string? Description, Outcome? Outcome, string? Reason);

public static class RequestSteps
{
    public static string Label(RequestStep step) => step switch
    {
        RequestStep.Receive => "确认收到申请",
        RequestStep.RequestCorrection => "告知补正",
        RequestStep.RecordCorrection => "登记收到补正",
        RequestStep.CloseForNoCorrection => "逾期不补正，不再处理",
        RequestStep.StartConsultation => "征求意见",
        RequestStep.EndConsultation => "登记收到意见",
        RequestStep.Extend => "延期答复",
        RequestStep.NotifyFee => "发出收费通知",
        RequestStep.RecordPayment => "登记缴费",
        RequestStep.CloseForNonPayment => "逾期未缴费，不再处理",
        RequestStep.Decide => "作出答复决定",
        RequestStep.Transfer => "告知有权机关（转送）",
        RequestStep.Deliver => "登记送达",
        RequestStep.Withdraw => "登记撤回",
        RequestStep.WaiveFee => "减免信息处理费",
        RequestStep.RequestReasons => "要求说明理由",
        RequestStep.RecordReasons => "登记申请人说明的理由",
    };

    /// <summary>The steps that can follow a status; the clock still checks every rule when one is taken.</summary>
    public static IReadOnlyList<RequestStep> After(RequestStatus status) => status switch
    {
        RequestStatus.Submitted => [RequestStep.Receive, RequestStep.Withdraw],
        RequestStatus.Processing => [RequestStep.Decide, RequestStep.RequestCorrection, RequestStep.StartConsultation, RequestStep.Extend,
            RequestStep.NotifyFee, RequestStep.RequestReasons, RequestStep.Transfer, RequestStep.Deliver, RequestStep.Withdraw],
        RequestStatus.AwaitingCorrection => [RequestStep.RecordCorrection, RequestStep.CloseForNoCorrection, RequestStep.Deliver, RequestStep.Withdraw],
        RequestStatus.Consulting => [RequestStep.EndConsultation, RequestStep.StartConsultation, RequestStep.Extend, RequestStep.Decide, RequestStep.Transfer,
            RequestStep.Deliver, RequestStep.Withdraw],
        RequestStatus.AwaitingFee => [RequestStep.RecordPayment, RequestStep.WaiveFee, RequestStep.CloseForNonPayment, RequestStep.Extend, RequestStep.Deliver,
            RequestStep.Withdraw],
        RequestStatus.AwaitingReasons => [RequestStep.RecordReasons, RequestStep.Decide, RequestStep.Extend, RequestStep.Deliver, RequestStep.Withdraw],
        RequestStatus.Decided => [RequestStep.Deliver],
        RequestStatus.Closed => [RequestStep.Deliver],
    };

    /// <summary>
    /// The steps worth offering today: those the status allows, less the ones a time limit already
    /// rules out (a 补正 notice after its seven working days, an extension after the due date), does
    /// not yet allow (closing for no correction or no payment before the applicant's deadline), or
    /// that have nothing to act on (a delivery when no letter waits for one).
    /// </summary>
    public static IReadOnlyList<RequestStep> Available(RequestClock clock, DateOnly today) =>
        [.. After(clock.Status).Where(step => step switch
        {
            RequestStep.RequestCorrection => clock.Correction is null && today <= clock.CorrectionNoticeDue,
            RequestStep.Extend => clock.ExtensionDays == 0 && (clock.AnswerDue is not { } due || today <= due),
            RequestStep.NotifyFee => clock.Fee is null && clock.Receipt?.Date >= Fees.EffectiveFrom,
            RequestStep.RequestReasons => clock.Reasons is null,
            RequestStep.CloseForNoCorrection => today > clock.CorrectionDue,
            RequestStep.CloseForNonPayment => today > clock.FeePaymentDue,
            RequestStep.Deliver => clock.AwaitingDelivery.Count > 0,
            RequestStep.Decide or RequestStep.Transfer when clock.Status == RequestStatus.Consulting =>
                clock.OpenConsultations.Where(c => c.Pauses).All(c => c.ReplyDue is { } d && today > d),
            _ => true,
        })];

    /// <summary>Outcomes a decision can choose; the ones with a step of their own are taken through it.</summary>
    public static IReadOnlyList<Outcome> DecisionOutcomes { get; } =
        [.. Enum.GetValues<Outcome>().Where(o => o is not (Outcome.NoCorrection or Outcome.FeeUnpaid))];

    /// <summary>Outcomes an item of a split request can have: those about the information asked for.</summary>
    public static IReadOnlyList<Outcome> ItemOutcomes { get; } =
        [.. DecisionOutcomes.Where(o => o is not (Outcome.Other or Outcome.MassRepeated))];
}
