using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Requests;

/// <summary>
/// The statutory clock of one request, folded from its append-only history: the status, which
/// moves are legal next, and every due date with how it was computed (docs/deadlines.md).
/// Nothing here is stored; replaying the same history on an edited calendar gives the new dates.
/// Every period the law counts "自收到" runs from the day the addressee received the letter, as its
/// <see cref="Delivered"/> step records; until then the period waits for delivery.
/// </summary>
public sealed partial class RequestClock
{
    public const int AnswerWorkingDays = 20;
    public const int CorrectionNoticeWorkingDays = 7;
    public const int MaxExtensionWorkingDays = 20;

    /// <summary>条例第三十二条、第三十四条: a third party or another agency answers within 15 working days of receiving the request for its opinion.</summary>
    public const int ConsultationReplyWorkingDays = 15;

    private readonly WorkingCalendar _calendar;
    private readonly RequestRules _rules;
    private readonly DateOnly? _submittedOn;
    private readonly List<RequestEvent> _history = [];
    private readonly List<Consultation> _consultations = [];
    private readonly Dictionary<(int Step, string? Party), Delivered> _deliveries = [];
    private readonly List<string> _irregularities = [];

    /// <summary>True while folding a recorded history: see <see cref="FromRecord"/>.</summary>
    private bool _folding;

    private RequestClock(WorkingCalendar calendar, RequestRules rules, DateOnly? submittedOn) =>
        (_calendar, _rules, _submittedOn) = (calendar, rules, submittedOn);

    public RequestStatus Status { get; private set; } = RequestStatus.Submitted;

    public IReadOnlyList<RequestEvent> History => _history;

    public WorkingCalendar Calendar => _calendar;

    public RequestRules Rules => _rules;

    public Received? Receipt { get; private set; }

    /// <summary>The day the 20 working days count from: receipt, or receipt of the correction.</summary>
    public DateOnly? ClockStart { get; private set; }

    /// <summary>The extension granted since the clock last started (a 补正 restart clears it).</summary>
    public int ExtensionDays { get; private set; }

    /// <summary>An extension granted before a 补正 restart, which no longer applies.</summary>
    public Extended? LapsedExtension { get; private set; }

    public CorrectionRequested? Correction { get; private set; }

    /// <summary>The place of the 补正 notice in the history (1-based), for its delivery.</summary>
    public int? CorrectionStep { get; private set; }

    public bool CorrectionArrived { get; private set; }

    public FeeNotified? Fee { get; private set; }

    public int? FeeStep { get; private set; }

    /// <summary>The day the fee waiting ended: paid, waived or closed.</summary>
    public DateOnly? FeeSettledOn { get; private set; }

    public FeeWaived? Waiver { get; private set; }

    public ReasonsRequested? Reasons { get; private set; }

    public int? ReasonsStep { get; private set; }

    public ReasonsReceived? ReasonsAnswer { get; private set; }

    /// <summary>第三十五条: the reasonable period the office set, replacing the answer's limit when later.</summary>
    public DateOnly? DelayedDue { get; private set; }

    /// <summary>Every consultation, in the order started.</summary>
    public IReadOnlyList<Consultation> Consultations => _consultations;

    public IEnumerable<Consultation> OpenConsultations => _consultations.Where(c => c.IsOpen);

    public Decided? Decision { get; private set; }

    public int? DecisionStep { get; private set; }

    public Outcome? Outcome { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    /// <summary>The day the decision (or the withdrawal) reached the applicant: the request is closed.</summary>
    public DateOnly? DeliveredOn { get; private set; }

    /// <summary>Deliveries recorded, by the step whose letter they carried and the addressee other than the applicant.</summary>
    public IReadOnlyDictionary<(int Step, string? Party), Delivered> Deliveries => _deliveries;

    public int Limit => AnswerWorkingDays + ExtensionDays;

    /// <summary>
    /// Steps a recorded history breaks under the calendar it is replayed on, and facts the law
    /// frowns on (a decision delivered late): the history is a fact and is kept; the case page shows
    /// these lines instead.
    /// </summary>
    public IReadOnlyList<string> Irregularities => _irregularities;

    /// <summary>Applies every step with every rule: a history as it is about to be recorded.</summary>
    public static RequestClock Replay(IEnumerable<RequestEvent> history, WorkingCalendar calendar, RequestRules? rules = null, DateOnly? submittedOn = null)
    {
        var clock = new RequestClock(calendar, rules ?? RequestRules.Default, submittedOn);
        foreach (var e in history)
            clock.Apply(e);
        return clock;
    }

    /// <summary>
    /// Folds a history already recorded. The order of steps is still enforced (it never depends on
    /// the calendar), but a time limit the calendar now says was missed becomes an
    /// <see cref="Irregularities">irregularity</see> instead of a refusal. New steps are then applied
    /// with <see cref="Apply"/>, strictly.
    /// </summary>
    public static RequestClock FromRecord(IEnumerable<RequestEvent> history, WorkingCalendar calendar, RequestRules? rules = null, DateOnly? submittedOn = null)
    {
        var clock = new RequestClock(calendar, rules ?? RequestRules.Default, submittedOn) { _folding = true };
        foreach (var e in history)
            clock.Apply(e);
        clock._folding = false;
        return clock;
    }

    /// <summary>The day by which the 补正告知 must be sent (7 working days after receipt).</summary>
    public DateOnly? CorrectionNoticeDue => Receipt is { } r ? _calendar.AddWorkingDays(r.Date, CorrectionNoticeWorkingDays) : null;

    /// <summary>The day the applicant received the 补正 notice, once recorded.</summary>
    public DateOnly? CorrectionDeliveredOn => DeliveredDate(CorrectionStep);

    /// <summary>
    /// The applicant's last day to correct: the period counted from receipt of the notice, which
    /// always ends on a working day; null while the notice's receipt is not recorded. A fixed date
    /// of an older history that falls on a rest day moves to the next working day (民事诉讼法第八十五条, by analogy).
    /// </summary>
    public DateOnly? CorrectionDue => Correction switch
    {
        { PeriodWorkingDays: { } days } => CorrectionDeliveredOn is { } received ? _calendar.AddWorkingDays(received, days) : null,
        { ApplicantDeadline: { } fixedDate } => NextWorkingDay(fixedDate),
        _ => null,
    };

    public DateOnly? FeeDeliveredOn => DeliveredDate(FeeStep);

    /// <summary>The day by which the applicant must pay: 20 working days from the day after receiving the notice.</summary>
    public DateOnly? FeePaymentDue => FeeDeliveredOn is { } received ? _calendar.AddWorkingDays(received, Fees.PaymentWorkingDays) : null;

    public DateOnly? ReasonsDeliveredOn => DeliveredDate(ReasonsStep);

    /// <summary>第三十五条: the applicant's last day to explain, counted from receipt of the letter.</summary>
    public DateOnly? ReasonsDue => Reasons is { } r && ReasonsDeliveredOn is { } received ? _calendar.AddWorkingDays(received, r.PeriodWorkingDays) : null;

    /// <summary>
    /// Every period the answer's limit does not count: a consultation of a third party or another
    /// agency from the day after its letter to its reply or the end of its term, whichever is first;
    /// the fee waiting from the day after the notice to payment. <see cref="Pause.To"/> is null while
    /// the end cannot be known (the letter's receipt is not recorded, the fee not yet paid).
    /// </summary>
    public IReadOnlyList<Pause> Pauses => _applying ? ComputePauses() : _pauses ??= ComputePauses();

    /// <summary>The pauses of the state after the last step (steps change them while applied).</summary>
    private IReadOnlyList<Pause>? _pauses;

    private bool _applying;

    private List<Pause> ComputePauses()
    {
        var pauses = new List<Pause>();
        foreach (var c in _consultations.Where(c => c.Pauses))
            pauses.Add(new Pause(c.Started.Date, c.PauseEnd, c.Label, c.EndReason));
        if (Fee is { } fee)
        {
            var end = FeeSettledOn is null ? null
                : Waiver is not null ? "减免信息处理费"
                : Outcome == Requests.Outcome.FeeUnpaid ? "逾期未缴费，不再处理"
                : Outcome == Requests.Outcome.Other ? "申请人撤回申请"
                : "申请人缴费";
            pauses.Add(new Pause(fee.Date, FeeSettledOn, "等待缴纳信息处理费", end));
        }
        return [.. pauses.OrderBy(p => p.From)];
    }

    /// <summary>
    /// The answer's due date, or null while the clock is stopped (awaiting correction) or a pause's
    /// end cannot be known yet. While a consultation whose letter was received is under way, the date
    /// assumes the party uses its whole term: an earlier reply brings it forward.
    /// </summary>
    public DateOnly? AnswerDue
    {
        get
        {
            if (ClockStart is not { } start || IsStopped || Pauses.Any(p => p.To is null))
                return null;
            var regular = _calendar.AddWorkingDays(start, Limit, IsPaused);
            return DelayedDue is { } delayed && delayed > regular ? delayed : regular;
        }
    }

    /// <summary>The clock stands still: a 补正 was asked for and has not arrived.</summary>
    public bool IsStopped => Correction is not null && !CorrectionArrived;

    /// <summary>Working days of the limit used up to <paramref name="today"/> (pauses not counted).</summary>
    public int UsedWorkingDays(DateOnly today)
    {
        if (ClockStart is not { } start)
            return 0;
        var end = DecidedOn ?? today;
        if (IsStopped && Correction is { } c)
            end = c.Date < end ? c.Date : end;
        var used = 0;
        for (var d = start.AddDays(1); d <= end; d = d.AddDays(1))
        {
            if (_calendar.IsWorkingDay(d) && !IsPaused(d))
                used++;
        }
        return used;
    }

    public int RemainingWorkingDays(DateOnly today)
    {
        if (DelayedDue is { } delayed && AnswerDue == delayed)
            return today >= delayed ? -_calendar.WorkingDaysBetween(delayed, today) : _calendar.WorkingDaysBetween(today, delayed);
        return Limit - UsedWorkingDays(today);
    }

    /// <summary>Open and past its due date.</summary>
    public bool IsOverdue(DateOnly today) =>
        RequestStatuses.IsOpen(Status) && Status != RequestStatus.Submitted && !IsStopped && RemainingWorkingDays(today) < 0;

    /// <summary>Open, not overdue, with at most <paramref name="days"/> working days left.</summary>
    public bool IsDueSoon(DateOnly today, int days = 3) =>
        Status is RequestStatus.Processing or RequestStatus.AwaitingReasons && RemainingWorkingDays(today) is >= 0 and var r && r <= days;

    /// <summary>An online or faxed request still not confirmed a working day after it was submitted.</summary>
    public bool IsConfirmationLate(DateOnly today) =>
        Status == RequestStatus.Submitted && _submittedOn is { } submitted && today > _calendar.AddWorkingDays(submitted, 1);

    private bool IsPaused(DateOnly date)
    {
        foreach (var p in Pauses)
        {
            var end = p.To ?? DecidedOn ?? DateOnly.MaxValue;
            if (date > p.From && date <= end)
                return true;
        }
        return false;
    }

    private DateOnly? DeliveredDate(int? step, string? party = null) =>
        step is { } s && _deliveries.TryGetValue((s, party), out var d) ? d.Date : null;

    private DateOnly NextWorkingDay(DateOnly date)
    {
        while (!_calendar.IsWorkingDay(date))
            date = date.AddDays(1);
        return date;
    }

    /// <summary>Letters still to be delivered whose periods or the case's closing wait for it.</summary>
    public IReadOnlyList<(int Step, string Letter, string? Party)> AwaitingDelivery
    {
        get
        {
            var list = new List<(int, string, string?)>();
            if (CorrectionStep is { } cs && IsStopped && CorrectionDeliveredOn is null && Correction!.PeriodWorkingDays is not null)
                list.Add((cs, "补正告知书", null));
            foreach (var c in OpenConsultations.Where(c => c.DeliveredOn is null))
                list.Add((c.Step, c.Started.Kind == ConsultationKind.OtherAgency ? "征求意见函" : "征求意见书", c.Started.Party));
            if (FeeStep is { } fs && Status == RequestStatus.AwaitingFee && FeeDeliveredOn is null)
                list.Add((fs, "收费通知书", null));
            if (ReasonsStep is { } rs && Status == RequestStatus.AwaitingReasons && ReasonsDeliveredOn is null)
                list.Add((rs, "说明理由通知书", null));
            if (DecisionStep is { } ds && Status == RequestStatus.Decided)
                list.Add((ds, "答复书", null));
            foreach (var party in ThirdPartiesToNotify.Where(p => !_deliveries.ContainsKey((DecisionStep!.Value, p))))
                list.Add((DecisionStep!.Value, "第三方告知书", party));
            return list;
        }
    }

    /// <summary>
    /// 第三十二条: third parties that did not agree and whose information is disclosed anyway; each is
    /// told in writing of the content disclosed and the reasons.
    /// </summary>
    public IReadOnlyList<string> ThirdPartiesToNotify =>
        Outcome is Requests.Outcome.Granted or Requests.Outcome.PartiallyGranted
            ? [.. _consultations.Where(c => c.Started.Kind == ConsultationKind.ThirdParty && c.Reply?.Objects == true).Select(c => c.Started.Party).Distinct()]
            : [];

    /// <summary>Whether a third party was consulted and what it said: a letter states only what the record holds.</summary>
    public bool ThirdPartyObjected => _consultations.Any(c => c.Started.Kind == ConsultationKind.ThirdParty && c.Reply?.Objects == true);

    public bool ThirdPartyConsulted => _consultations.Any(c => c.Started.Kind == ConsultationKind.ThirdParty);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A period the answer's limit does not count: the days after <see cref="From"/> up to and including <see cref="To"/>.</summary>
public sealed record Pause(DateOnly From, DateOnly? To, string Reason, string? EndReason);
