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
    /// <summary>补正期限.</summary>
    public DateOnly? Deadline { get; init; }
    public ConsultationKind ConsultationKind { get; init; }
    /// <summary>The third party or agency consulted.</summary>
    public string? Party { get; init; }
    public string? Opinion { get; init; }
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
    /// <summary>送达 method: 邮寄, 电子邮件, 在线获取, 当面领取 ….</summary>
    public string? Method { get; init; }
}

public static class RequestSteps
{
    public static string Label(RequestStep step) => step switch
    {
        RequestStep.Receive => "确认收到申请",
        RequestStep.RequestCorrection => "告知补正",
        RequestStep.RecordCorrection => "登记收到补正",
        RequestStep.CloseForNoCorrection => "逾期不补正，不再处理",
        RequestStep.StartConsultation => "征求意见",
        RequestStep.EndConsultation => "收到意见，结束征求意见",
        RequestStep.Extend => "延期答复",
        RequestStep.NotifyFee => "发出收费通知",
        RequestStep.RecordPayment => "登记缴费",
        RequestStep.CloseForNonPayment => "逾期未缴费，不再处理",
        RequestStep.Decide => "作出答复决定",
        RequestStep.Transfer => "告知有权机关（转送）",
        RequestStep.Deliver => "登记送达",
        RequestStep.Withdraw => "登记撤回",
    };

    /// <summary>The steps that can follow a status; the clock still checks every rule when one is taken.</summary>
    public static IReadOnlyList<RequestStep> After(RequestStatus status) => status switch
    {
        RequestStatus.Submitted => [RequestStep.Receive, RequestStep.Withdraw],
        RequestStatus.Processing => [RequestStep.Decide, RequestStep.RequestCorrection, RequestStep.StartConsultation, RequestStep.Extend,
            RequestStep.NotifyFee, RequestStep.Transfer, RequestStep.Withdraw],
        RequestStatus.AwaitingCorrection => [RequestStep.RecordCorrection, RequestStep.CloseForNoCorrection, RequestStep.Withdraw],
        RequestStatus.Consulting => [RequestStep.EndConsultation, RequestStep.Withdraw],
        RequestStatus.AwaitingFee => [RequestStep.RecordPayment, RequestStep.CloseForNonPayment, RequestStep.Withdraw],
        RequestStatus.Decided => [RequestStep.Deliver],
        RequestStatus.Closed => [],
    };

    /// <summary>
    /// The steps worth offering today: those the status allows, less the ones a time limit already
    /// rules out (a 补正 notice after its seven working days, an extension after the due date) or
    /// does not yet allow (closing for no correction or no payment before the applicant's deadline).
    /// </summary>
    public static IReadOnlyList<RequestStep> Available(RequestClock clock, DateOnly today) =>
        [.. After(clock.Status).Where(step => step switch
        {
            RequestStep.RequestCorrection => clock.Correction is null && today <= clock.CorrectionNoticeDue,
            RequestStep.Extend => clock.ExtensionDays == 0 && today <= clock.AnswerDue,
            RequestStep.NotifyFee => clock.Fee is null,
            RequestStep.CloseForNoCorrection => today > clock.Correction?.ApplicantDeadline,
            RequestStep.CloseForNonPayment => today > clock.FeePaymentDue,
            _ => true,
        })];

    /// <summary>Outcomes a decision can choose; the ones with a step of their own are taken through it.</summary>
    public static IReadOnlyList<Outcome> DecisionOutcomes { get; } =
        [.. Enum.GetValues<Outcome>().Where(o => o is not (Outcome.NoCorrection or Outcome.FeeUnpaid))];
}
