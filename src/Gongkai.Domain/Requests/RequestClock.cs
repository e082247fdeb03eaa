using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Requests;

/// <summary>
/// The statutory clock of one request, folded from its append-only history: the status, which
/// moves are legal next, and every due date with how it was computed (docs/deadlines.md).
/// Nothing here is stored; replaying the same history on an edited calendar gives the new dates.
/// </summary>
public sealed class RequestClock
{
    public const int AnswerWorkingDays = 20;
    public const int CorrectionNoticeWorkingDays = 7;
    public const int MaxExtensionWorkingDays = 20;

    /// <summary>条例第三十二条、第三十四条: a third party or another agency answers within 15 working days of receiving the request for its opinion.</summary>
    public const int ConsultationReplyWorkingDays = 15;

    private readonly WorkingCalendar _calendar;
    private readonly List<RequestEvent> _history = [];
    private readonly List<(DateOnly From, DateOnly To)> _pauses = [];
    private readonly List<string> _irregularities = [];

    /// <summary>True while folding a recorded history: see <see cref="FromRecord"/>.</summary>
    private bool _folding;

    private RequestClock(WorkingCalendar calendar) => _calendar = calendar;

    public RequestStatus Status { get; private set; } = RequestStatus.Submitted;

    public IReadOnlyList<RequestEvent> History => _history;

    public Received? Receipt { get; private set; }

    /// <summary>The day the 20 working days count from: receipt, or receipt of the correction.</summary>
    public DateOnly? ClockStart { get; private set; }

    public int ExtensionDays { get; private set; }

    public CorrectionRequested? Correction { get; private set; }

    public bool CorrectionArrived { get; private set; }

    public FeeNotified? Fee { get; private set; }

    /// <summary>The consultation under way, if any.</summary>
    public ConsultationStarted? Consultation { get; private set; }

    public Decided? Decision { get; private set; }

    public Outcome? Outcome { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public DateOnly? DeliveredOn { get; private set; }

    /// <summary>The start of a pause still running (consultation, fee waiting).</summary>
    public DateOnly? PausedSince { get; private set; }

    public IReadOnlyList<(DateOnly From, DateOnly To)> Pauses => _pauses;

    public int Limit => AnswerWorkingDays + ExtensionDays;

    /// <summary>
    /// Steps a recorded history breaks under the calendar it is replayed on: a step that was on time
    /// when recorded can be late after an administrator corrects the calendar. The history is a fact
    /// and is kept; the case page shows these lines instead.
    /// </summary>
    public IReadOnlyList<string> Irregularities => _irregularities;

    /// <summary>Applies every step with every rule: a history as it is about to be recorded.</summary>
    public static RequestClock Replay(IEnumerable<RequestEvent> history, WorkingCalendar calendar)
    {
        var clock = new RequestClock(calendar);
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
    public static RequestClock FromRecord(IEnumerable<RequestEvent> history, WorkingCalendar calendar)
    {
        var clock = new RequestClock(calendar) { _folding = true };
        foreach (var e in history)
            clock.Apply(e);
        clock._folding = false;
        return clock;
    }

    /// <summary>The day by which the 补正告知 must be sent (7 working days after receipt).</summary>
    public DateOnly? CorrectionNoticeDue => Receipt is { } r ? _calendar.AddWorkingDays(r.Date, CorrectionNoticeWorkingDays) : null;

    /// <summary>
    /// The day by which the party consulted must give its opinion (第三十二条, 第三十四条), counted from
    /// the consultation's start, the day the office sends its letter.
    /// </summary>
    public DateOnly? ConsultationReplyDue => Consultation is { } c
        ? _calendar.AddWorkingDays(c.Date, ConsultationReplyWorkingDays)
        : null;

    /// <summary>The day by which the applicant must pay: 20 working days from the day after the notice.</summary>
    public DateOnly? FeePaymentDue => Fee is { } f ? _calendar.AddWorkingDays(f.Date, Fees.PaymentWorkingDays) : null;

    /// <summary>
    /// The answer's due date, or null while the clock is stopped (awaiting correction) or paused:
    /// a pause's end is not known in advance.
    /// </summary>
    public DateOnly? AnswerDue => ClockStart is { } start && PausedSince is null && Status != RequestStatus.AwaitingCorrection
        ? _calendar.AddWorkingDays(start, Limit, IsPaused)
        : null;

    /// <summary>Working days of the limit used up to <paramref name="today"/> (pauses not counted).</summary>
    public int UsedWorkingDays(DateOnly today)
    {
        if (ClockStart is not { } start)
            return 0;
        var end = DecidedOn ?? today;
        if (Status == RequestStatus.AwaitingCorrection && Correction is { } c)
            end = c.Date;
        var used = 0;
        for (var d = start.AddDays(1); d <= end; d = d.AddDays(1))
        {
            if (_calendar.IsWorkingDay(d) && !IsPaused(d) && !(PausedSince is { } p && d > p))
                used++;
        }
        return used;
    }

    public int RemainingWorkingDays(DateOnly today) => Limit - UsedWorkingDays(today);

    /// <summary>Open and past its due date.</summary>
    public bool IsOverdue(DateOnly today) =>
        RequestStatuses.IsOpen(Status) && Status != RequestStatus.Submitted && RemainingWorkingDays(today) < 0;

    /// <summary>Open, not overdue, with at most <paramref name="days"/> working days left.</summary>
    public bool IsDueSoon(DateOnly today, int days = 3) =>
        RequestStatuses.IsOpen(Status) && Status is RequestStatus.Processing && RemainingWorkingDays(today) is >= 0 and var r && r <= days;

    private bool IsPaused(DateOnly date)
    {
        foreach (var (from, to) in _pauses)
        {
            if (date > from && date <= to)
                return true;
        }
        return false;
    }

    /// <summary>Applies the next step, or refuses it with the rule it breaks.</summary>
    public void Apply(RequestEvent e)
    {
        if (_history.Count > 0 && e.Date < _history[^1].Date)
            throw new RequestRuleException($"日期{Day(e.Date)}早于上一步骤的日期{Day(_history[^1].Date)}");
        switch (e)
        {
            case Received r:
                Expect(RequestStatus.Submitted, "确认收到申请");
                Receipt = r;
                ClockStart = r.Date;
                Status = RequestStatus.Processing;
                break;
            case CorrectionRequested c:
                Expect(RequestStatus.Processing, "告知补正");
                if (Correction is not null)
                    throw new RequestRuleException("补正告知只能发出一次，应一次性告知需要补正的全部事项（条例第三十条）");
                if (c.Date > CorrectionNoticeDue)
                    TimeLimit($"补正告知应在收到申请之日起7个工作日内发出，即不晚于{Day(CorrectionNoticeDue!.Value)}（条例第三十条）");
                if (string.IsNullOrWhiteSpace(c.Items))
                    throw new RequestRuleException("补正告知应写明需要补正的事项");
                if (c.ApplicantDeadline <= c.Date)
                    throw new RequestRuleException("补正期限应晚于告知之日");
                Correction = c;
                Status = RequestStatus.AwaitingCorrection;
                break;
            case CorrectionReceived cr:
                Expect(RequestStatus.AwaitingCorrection, "登记收到补正");
                CorrectionArrived = true;
                ClockStart = cr.Date;
                _pauses.Clear();
                Status = RequestStatus.Processing;
                break;
            case ConsultationStarted cs:
                Expect(RequestStatus.Processing, "征求意见");
                if (string.IsNullOrWhiteSpace(cs.Party))
                    throw new RequestRuleException("应写明征求意见的第三方或机关");
                Consultation = cs;
                PausedSince = e.Date;
                Status = RequestStatus.Consulting;
                break;
            case ConsultationEnded:
                Expect(RequestStatus.Consulting, "结束征求意见");
                Consultation = null;
                EndPause(e.Date);
                break;
            case Extended x:
                Expect(RequestStatus.Processing, "延期答复");
                if (ExtensionDays > 0)
                    throw new RequestRuleException("延期答复只能一次（条例第三十三条第二款）");
                if (x.WorkingDays is < 1 or > MaxExtensionWorkingDays)
                    throw new RequestRuleException("延长的期限最长不得超过20个工作日（条例第三十三条第二款）");
                if (string.IsNullOrWhiteSpace(x.ApprovedBy))
                    throw new RequestRuleException("延期答复须经政府信息公开工作机构负责人同意");
                if (x.Date > AnswerDue)
                    TimeLimit($"答复期限已于{Day(AnswerDue!.Value)}届满，不能再延期");
                ExtensionDays = x.WorkingDays;
                break;
            case FeeNotified f:
                Expect(RequestStatus.Processing, "发出收费通知");
                if (Fee is not null)
                    throw new RequestRuleException("一件申请只能发出一次收费通知，且只能选择一种计收方式");
                if (f.Amount <= 0 || f.Amount != Fees.Amount(f.Basis, f.Quantity))
                    throw new RequestRuleException($"收费金额应为{Fees.Label(f.Basis)}{f.Quantity.ToString(CultureInfo.InvariantCulture)}对应的{Fees.Amount(f.Basis, f.Quantity).ToString("0.##", CultureInfo.InvariantCulture)}元，且大于0");
                Fee = f;
                PausedSince = f.Date;
                Status = RequestStatus.AwaitingFee;
                break;
            case FeePaid p:
                Expect(RequestStatus.AwaitingFee, "登记缴费");
                if (p.Date > FeePaymentDue)
                    TimeLimit($"缴费期限已于{Day(FeePaymentDue!.Value)}届满，应作出“逾期未缴费不再处理”的决定");
                EndPause(p.Date);
                break;
            case Decided d:
                Decide(d);
                break;
            case Withdrawn:
                if (!RequestStatuses.IsOpen(Status))
                    throw new RequestRuleException($"当前状态为“{RequestStatuses.Label(Status)}”，不能登记撤回");
                if (Status == RequestStatus.Submitted)
                {
                    // Withdrawn before the office confirmed receipt: never received, so never counted in table 三.
                    Status = RequestStatus.Closed;
                    DeliveredOn = e.Date;
                    break;
                }
                Consultation = null;
                Close(e.Date, Requests.Outcome.Other);
                Status = RequestStatus.Closed;
                DeliveredOn = e.Date;
                break;
            case Delivered:
                Expect(RequestStatus.Decided, "登记送达");
                DeliveredOn = e.Date;
                Status = RequestStatus.Closed;
                break;
            default:
                throw new RequestRuleException("未知的办理步骤");
        }
        _history.Add(e);
    }

    private void Decide(Decided d)
    {
        switch (d.Outcome)
        {
            case Requests.Outcome.NoCorrection:
                Expect(RequestStatus.AwaitingCorrection, "以逾期不补正结案");
                if (d.Date <= Correction!.ApplicantDeadline)
                    throw new RequestRuleException($"补正期限{Day(Correction.ApplicantDeadline)}尚未届满");
                break;
            case Requests.Outcome.FeeUnpaid:
                Expect(RequestStatus.AwaitingFee, "以逾期未缴费结案");
                if (d.Date <= FeePaymentDue)
                    TimeLimit($"缴费期限{Day(FeePaymentDue!.Value)}尚未届满");
                _pauses.Add((PausedSince!.Value, d.Date));
                PausedSince = null;
                break;
            case Requests.Outcome.UnclearAfterCorrection:
                Expect(RequestStatus.Processing, "作出答复决定");
                if (!CorrectionArrived)
                    throw new RequestRuleException("只有经过补正的申请才能以“补正后申请内容仍不明确”答复");
                break;
            default:
                Expect(RequestStatus.Processing, "作出答复决定");
                break;
        }
        if (string.IsNullOrWhiteSpace(d.Reason) && d.Outcome != Requests.Outcome.Granted)
            throw new RequestRuleException("答复决定应写明理由和依据");
        Decision = d;
        Close(d.Date, d.Outcome);
    }

    private void Close(DateOnly date, Outcome outcome)
    {
        if (PausedSince is { } since)
        {
            _pauses.Add((since, date));
            PausedSince = null;
        }
        Outcome = outcome;
        DecidedOn = date;
        Status = RequestStatus.Decided;
    }

    private void EndPause(DateOnly date)
    {
        _pauses.Add((PausedSince!.Value, date));
        PausedSince = null;
        Status = RequestStatus.Processing;
    }

    /// <summary>A time limit the calendar decides: refused when recording, kept as an irregularity when folding the record.</summary>
    private void TimeLimit(string rule)
    {
        if (!_folding)
            throw new RequestRuleException(rule);
        _irregularities.Add(rule);
    }

    private void Expect(RequestStatus status, string action)
    {
        if (Status != status)
            throw new RequestRuleException($"当前状态为“{RequestStatuses.Label(Status)}”，不能{action}");
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"How this date was computed": the rules and the days behind the answer's due date.</summary>
    public IReadOnlyList<string> ExplainAnswerDue()
    {
        if (Receipt is not { } receipt)
            return ["尚未确认收到申请，办理期限尚未起算"];
        var lines = new List<string> { Channels.ReceiptRule(receipt.Channel), $"收到申请之日：{WorkingDayTrace.Format(receipt.Date)}" };
        if (Correction is { } c)
        {
            lines.Add($"{WorkingDayTrace.Format(c.Date)}发出补正告知，补正期限至{WorkingDayTrace.Format(c.ApplicantDeadline)}；补正期间不计算办理期限");
            if (CorrectionArrived)
                lines.Add($"{WorkingDayTrace.Format(ClockStart!.Value)}收到补正，答复期限自收到补正之日起重新计算（条例第三十条）");
            else
                return [.. lines, "等待申请人补正，答复期限暂未计算"];
        }
        lines.Add("答复期限为自起算日起20个工作日（条例第三十三条第一款）");
        if (ExtensionDays > 0)
            lines.Add($"经政府信息公开工作机构负责人同意延长{ExtensionDays.ToString(CultureInfo.InvariantCulture)}个工作日（条例第三十三条第二款）");
        foreach (var (from, to) in _pauses)
            lines.Add($"{WorkingDayTrace.Format(from)}至{WorkingDayTrace.Format(to)}征求意见或等待缴费，所需时间不计算在办理期限内");
        if (PausedSince is { } since)
            return [.. lines, $"自{WorkingDayTrace.Format(since)}起暂停计时（征求意见或等待缴费），恢复后重新计算答复期限"];
        lines.AddRange(_calendar.Trace(ClockStart!.Value, Limit, IsPaused).Describe());
        return lines;
    }

    /// <summary>How the 补正告知's last day was computed.</summary>
    public IReadOnlyList<string> ExplainCorrectionNoticeDue() => Receipt is { } r
        ? ["补正告知应在收到申请之日起7个工作日内一次性发出（条例第三十条）", .. _calendar.Trace(r.Date, CorrectionNoticeWorkingDays).Describe()]
        : [];

    /// <summary>How the payment deadline was computed.</summary>
    public IReadOnlyList<string> ExplainFeePaymentDue() => Fee is { } f
        ? ["申请人应自收到收费通知的次日起20个工作日内缴费，逾期未缴费的视为放弃申请（国办函〔2020〕109号）", .. _calendar.Trace(f.Date, Fees.PaymentWorkingDays).Describe()]
        : [];

    /// <summary>How the consulted party's reply deadline was computed.</summary>
    public IReadOnlyList<string> ExplainConsultationReplyDue() => Consultation is { } c
        ?
        [
            c.Kind == ConsultationKind.ThirdParty
                ? "第三方应当自收到征求意见书之日起15个工作日内提出意见，逾期未提出意见的由本机关依法决定是否公开（条例第三十二条）"
                : "被征求意见机关应当自收到征求意见书之日起15个工作日内提出意见，逾期未提出意见的视为同意公开（条例第三十四条）",
            .. _calendar.Trace(c.Date, ConsultationReplyWorkingDays).Describe(),
        ]
        : [];
}
