using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Requests;

/// <summary>
/// One step of a case history as a legal reviewer writes it for <c>gongkai requests simulate</c>
/// (docs/deadlines.md): the step's name, its date, and what the step needs. A notice's
/// <see cref="DeliveredOn"/> is the day its addressee received it; left out, it is received the day
/// it is sent (handed over in person).
/// </summary>
public sealed record SimulatedStep
{
    public required string Step { get; init; }
    public DateOnly Date { get; init; }
    public string? Channel { get; init; }
    public DateOnly? DeliveredOn { get; init; }
    public string? Party { get; init; }
    /// <summary>consultationStarted: thirdParty (default), otherAgency or internal.</summary>
    public string? Kind { get; init; }
    public int? WorkingDays { get; init; }
    public int? PeriodWorkingDays { get; init; }
    public decimal? Amount { get; init; }
    /// <summary>A row key of table 三 (results.granted …) or an outcome's name.</summary>
    public string? Outcome { get; init; }
    /// <summary>consultationReplied: the third party does not agree to disclosure.</summary>
    public bool? Objects { get; init; }
    public string? Reason { get; init; }
    public string? Reference { get; init; }
}

/// <summary>A step the rules refused, with why; the simulation carries on without it.</summary>
public sealed record RefusedStep(int Index, string Step, string Reason);

public sealed record SimulatedDeadline(string Label, DateOnly? Date, IReadOnlyList<string> Explanation);

/// <summary>The clock of a simulated case on its <c>asOf</c> day.</summary>
public sealed record SimulationResult(
    DateOnly AsOf,
    RequestClock Clock,
    IReadOnlyList<RefusedStep> Refused,
    IReadOnlyList<SimulatedDeadline> Deadlines)
{
    public bool Lawful => Refused.Count == 0;

    public bool Overdue => Clock.IsOverdue(AsOf);
}

/// <summary>
/// Replays a case history written as <see cref="SimulatedStep"/>s on a calendar, step by step with
/// every rule; a refused step is reported and left out, and the rest goes on.
/// </summary>
public static class CaseSimulation
{
    public static readonly IReadOnlyList<string> StepNames =
    [
        "received", "correctionRequested", "correctionReceived", "consultationStarted", "consultationReplied", "extended",
        "feeNotified", "feePaid", "feeWaived", "reasonsRequested", "reasonsReceived", "decided", "delivered", "withdrawn",
    ];

    public static SimulationResult Run(DateOnly asOf, IReadOnlyList<SimulatedStep> steps, WorkingCalendar calendar, RequestRules? rules = null, DateOnly? submittedOn = null)
    {
        rules ??= RequestRules.Default;
        var accepted = new List<RequestEvent>();
        var refused = new List<RefusedStep>();
        var clock = RequestClock.Replay([], calendar, rules, submittedOn);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            try
            {
                if (step.Date > asOf)
                    throw new RequestRuleException($"日期{Day(step.Date)}晚于模拟的当日{Day(asOf)}");
                var main = Translate(step, clock, rules);
                Apply(main);
                // A notice's receipt, given with it, is its delivery.
                if (step.DeliveredOn is { } received || NeedsDelivery(main))
                {
                    var on = step.DeliveredOn ?? main.Date;
                    try
                    {
                        if (on > asOf)
                            throw new RequestRuleException($"送达日期{Day(on)}晚于模拟的当日{Day(asOf)}");
                        var channel = ParseDelivery(step.Channel);
                        Apply(new Delivered(on, DeliveryMethod(channel), accepted.Count, channel,
                            step.DeliveredOn is null ? null : main.Date, step.Reference, main is Decided ? step.Party : null));
                    }
                    catch (RequestRuleException e)
                    {
                        throw new RequestRuleException("送达：" + e.Message);
                    }
                }
            }
            catch (RequestRuleException e)
            {
                refused.Add(new RefusedStep(i, step.Step, e.Message));
                // A refused step may have left the clock half-changed: replay what was accepted.
                clock = RequestClock.Replay(accepted, calendar, rules, submittedOn);
            }
        }
        return new SimulationResult(asOf, clock, refused, Deadlines(clock));

        void Apply(RequestEvent e)
        {
            clock.Apply(e);
            accepted.Add(e);
        }

        // Notices whose periods run from receipt are received the day they are sent unless told otherwise;
        // a decision is delivered only by its own step (or a deliveredOn).
        static bool NeedsDelivery(RequestEvent e) => e is CorrectionRequested or ConsultationStarted or FeeNotified or ReasonsRequested;
    }

    private static RequestEvent Translate(SimulatedStep s, RequestClock clock, RequestRules rules)
    {
        var reason = s.Reason?.Trim() is { Length: > 0 } r ? r : null;
        return s.Step switch
        {
            "received" => new Received(s.Date, ParseChannel(s.Channel)),
            "correctionRequested" => new CorrectionRequested(s.Date, null, reason ?? "需要补正的事项", s.PeriodWorkingDays ?? rules.CorrectionPeriodDefault),
            "correctionReceived" => new CorrectionReceived(s.Date),
            "consultationStarted" => new ConsultationStarted(s.Date, ParseKind(s.Kind), s.Party ?? "第三方", s.WorkingDays),
            "consultationReplied" => new ConsultationReplied(s.Date, s.Party, reason ?? "意见", s.Objects),
            "extended" => new Extended(s.Date, s.WorkingDays ?? RequestClock.MaxExtensionWorkingDays, "公开办负责人", reason ?? "需要延长答复期限"),
            "feeNotified" => Fee(s),
            "feePaid" => new FeePaid(s.Date),
            "feeWaived" => new FeeWaived(s.Date, reason ?? "减免"),
            "reasonsRequested" => new ReasonsRequested(s.Date, s.PeriodWorkingDays ?? rules.ReasonsPeriodDefault),
            "reasonsReceived" => new ReasonsReceived(s.Date, reason ?? "申请人说明的理由", s.WorkingDays),
            "decided" => Decision(s, reason),
            "delivered" => Delivery(s, clock),
            "withdrawn" => new Withdrawn(s.Date, reason ?? "申请人撤回申请"),
            _ => throw new RequestRuleException($"未知的步骤“{s.Step}”，可用的步骤：{string.Join("、", StepNames)}"),
        };
    }

    private static Decided Decision(SimulatedStep s, string? reason)
    {
        var outcome = s.Outcome is { } text ? Outcomes.Parse(text) ?? throw new RequestRuleException($"未知的办理结果“{text}”，应为表三的行键，如 results.granted")
            : throw new RequestRuleException("decided 步骤应给出 outcome（表三的行键，如 results.granted）");
        return new Decided(s.Date, outcome, reason ?? (outcome == Outcome.Granted ? "" : "理由和依据"));
    }

    /// <summary>The decision's delivery (to the applicant, or with a party the 第三十二条 notice); a posting date and a receipt date when both are given.</summary>
    private static Delivered Delivery(SimulatedStep s, RequestClock clock)
    {
        if (clock.DecisionStep is not { } decision)
            throw new RequestRuleException($"当前状态为“{RequestStatuses.Label(clock.Status)}”，不能登记送达");
        var channel = ParseDelivery(s.Channel);
        return s.DeliveredOn is { } received
            ? new Delivered(received, DeliveryMethod(channel), decision, channel, s.Date, s.Reference, s.Party)
            : new Delivered(s.Date, DeliveryMethod(channel), decision, channel, null, s.Reference, s.Party);
    }

    /// <summary>A fee from its amount: 按件 when some month's ordinal gives it, else 按量 by the pages that do.</summary>
    private static FeeNotified Fee(SimulatedStep s)
    {
        if (s.Amount is not { } amount || amount <= 0)
            throw new RequestRuleException("feeNotified 步骤应给出大于0的 amount（元）");
        for (var ordinal = 11; ordinal <= 1000; ordinal++)
        {
            if (Fees.PerRequest(ordinal) == amount)
                return new FeeNotified(s.Date, FeeBasis.PerRequest, ordinal, amount);
        }
        for (var pages = 31; pages <= 100_000; pages++)
        {
            if (Fees.PerVolume(pages) == amount)
                return new FeeNotified(s.Date, FeeBasis.PerVolume, pages, amount);
        }
        throw new RequestRuleException($"{amount.ToString("0.##", CultureInfo.InvariantCulture)}元不符合按件或按量计收的任何标准（国办函〔2020〕109号）");
    }

    private static Channel ParseChannel(string? text) => text switch
    {
        null or "inPerson" => Channel.InPerson,
        "post" => Channel.Post,
        "ordinaryMail" => Channel.OrdinaryMail,
        "online" => Channel.Online,
        "fax" => Channel.Fax,
        _ => throw new RequestRuleException($"未知的提交方式“{text}”，应为 inPerson、post、online、ordinaryMail 或 fax"),
    };

    private static DeliveryChannel ParseDelivery(string? text) => text switch
    {
        null or "inPerson" => DeliveryChannel.InPerson,
        "post" => DeliveryChannel.Post,
        "online" or "electronic" => DeliveryChannel.Electronic,
        "notice" or "sms" => DeliveryChannel.Notice,
        _ => throw new RequestRuleException($"未知的送达方式“{text}”，应为 inPerson、post、online 或 notice"),
    };

    private static ConsultationKind ParseKind(string? text) => text switch
    {
        null or "thirdParty" => ConsultationKind.ThirdParty,
        "otherAgency" => ConsultationKind.OtherAgency,
        "internal" or "internalDepartment" => ConsultationKind.InternalDepartment,
        _ => throw new RequestRuleException($"未知的征求意见对象“{text}”，应为 thirdParty、otherAgency 或 internal"),
    };

    public static string DeliveryMethod(DeliveryChannel channel) => channel switch
    {
        DeliveryChannel.InPerson => "当面送达",
        DeliveryChannel.Post => "邮寄送达",
        DeliveryChannel.Electronic => "电子送达",
        DeliveryChannel.Notice => "短信或平台通知",
    };

    /// <summary>The periods besides the answer's that matter on the day: the applicant's, the parties'.</summary>
    private static List<SimulatedDeadline> Deadlines(RequestClock clock)
    {
        var list = new List<SimulatedDeadline>();
        if (clock.Correction is not null)
            list.Add(new("补正期限", clock.CorrectionDue, clock.ExplainCorrectionDue()));
        foreach (var c in clock.Consultations)
            list.Add(new($"意见期限（{c.Started.Party}）", c.ReplyDue, clock.ExplainReplyDue(c)));
        if (clock.Fee is not null)
            list.Add(new("缴费期限", clock.FeePaymentDue, clock.ExplainFeePaymentDue()));
        if (clock.Reasons is not null)
            list.Add(new("说明理由期限", clock.ReasonsDue, clock.ExplainReasonsDue()));
        return list;
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
