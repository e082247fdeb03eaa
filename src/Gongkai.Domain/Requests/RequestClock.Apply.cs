using System.Globalization;

namespace Gongkai.Domain.Requests;

/// <summary>The rules each step must meet (docs/deadlines.md).</summary>
public sealed partial class RequestClock
{
    /// <summary>Applies the next step, or refuses it with the rule it breaks.</summary>
    public void Apply(RequestEvent e)
    {
        _applying = true;
        try
        {
            ApplyStep(e);
        }
        finally
        {
            _applying = false;
            _pauses = null;
        }
    }

    private void ApplyStep(RequestEvent e)
    {
        // A delivery is recorded when its receipt is known, which may be after later steps; it is
        // checked against the step it delivers instead.
        if (e is not Delivered && _history.LastOrDefault(h => h is not Delivered) is { } last && e.Date < last.Date)
            throw new RequestRuleException($"日期{Day(e.Date)}早于上一步骤的日期{Day(last.Date)}");
        var step = _history.Count + 1;
        switch (e)
        {
            case Received r:
                Expect(RequestStatus.Submitted, "确认收到申请");
                Receive(r);
                break;
            case CorrectionRequested c:
                RequestCorrection(c, step);
                break;
            case CorrectionReceived cr:
                Expect(RequestStatus.AwaitingCorrection, "登记收到补正");
                CorrectionArrived = true;
                ClockStart = cr.Date;
                // The limit runs anew, whole: an extension granted before the 补正 is decided anew.
                if (ExtensionDays > 0)
                    LapsedExtension = _history.OfType<Extended>().LastOrDefault();
                ExtensionDays = 0;
                Status = RequestStatus.Processing;
                break;
            case ConsultationStarted cs:
                StartConsultation(cs, step);
                break;
            case ConsultationReplied reply:
                Reply(reply);
                break;
            case Extended x:
                Extend(x);
                break;
            case FeeNotified f:
                NotifyFee(f, step);
                break;
            case FeePaid p:
                Expect(RequestStatus.AwaitingFee, "登记缴费");
                if (FeePaymentDue is { } due && p.Date > due)
                    TimeLimit($"缴费期限已于{Day(due)}届满，应作出“逾期未缴费不再处理”的决定");
                FeeSettledOn = p.Date;
                Status = RequestStatus.Processing;
                break;
            case FeeWaived w:
                Expect(RequestStatus.AwaitingFee, "减免信息处理费");
                if (string.IsNullOrWhiteSpace(w.Reason))
                    throw new RequestRuleException("减免信息处理费应写明理由");
                Waiver = w;
                FeeSettledOn = w.Date;
                Status = RequestStatus.Processing;
                break;
            case ReasonsRequested rr:
                Expect(RequestStatus.Processing, "要求说明理由");
                if (Reasons is not null)
                    throw new RequestRuleException("已经要求申请人说明过理由");
                if (rr.PeriodWorkingDays < _rules.ReasonsPeriodMin || rr.PeriodWorkingDays > 60)
                    throw new RequestRuleException($"说明理由的期限应为{Number(_rules.ReasonsPeriodMin)}至60个工作日（自申请人收到通知之日起计算）");
                Reasons = rr;
                ReasonsStep = step;
                Status = RequestStatus.AwaitingReasons;
                break;
            case ReasonsReceived ra:
                ReceiveReasons(ra);
                break;
            case Decided d:
                Decide(d, step);
                break;
            case Withdrawn:
                Withdraw(e.Date);
                break;
            case Delivered delivered:
                Deliver(delivered);
                break;
            default:
                throw new RequestRuleException("未知的办理步骤");
        }
        _history.Add(e);
    }

    private void Receive(Received r)
    {
        if (_submittedOn is { } submitted)
        {
            if (r.Date < submitted)
                TimeLimit($"收到申请之日（{Day(r.Date)}）不能早于申请提交之日（{Day(submitted)}）");
            else if (r.Channel is Channel.Online or Channel.Fax && r.Date > _calendar.AddWorkingDays(submitted, 1))
                _irregularities.Add($"{Channels.Label(r.Channel)}提交的申请于{Day(submitted)}提交，{Day(r.Date)}才确认收到，超过1个工作日");
        }
        Receipt = r;
        ClockStart = r.Date;
        Status = RequestStatus.Processing;
    }

    private void RequestCorrection(CorrectionRequested c, int step)
    {
        Expect(RequestStatus.Processing, "告知补正");
        if (Correction is not null)
            throw new RequestRuleException("补正告知只能发出一次，应一次性告知需要补正的全部事项（条例第三十条）");
        if (c.Date > CorrectionNoticeDue)
            TimeLimit($"补正告知应在收到申请之日起7个工作日内发出，即不晚于{Day(CorrectionNoticeDue!.Value)}（条例第三十条）");
        if (string.IsNullOrWhiteSpace(c.Items))
            throw new RequestRuleException("补正告知应写明需要补正的事项");
        if (c.PeriodWorkingDays is { } days)
        {
            if (days < _rules.CorrectionPeriodMin || days > _rules.CorrectionPeriodMax)
                throw new RequestRuleException(
                    $"补正期限应为{Number(_rules.CorrectionPeriodMin)}至{Number(_rules.CorrectionPeriodMax)}个工作日（自申请人收到补正告知之日起计算），不能为{Number(days)}个工作日");
        }
        else if (c.ApplicantDeadline is not { } deadline || deadline <= c.Date)
        {
            throw new RequestRuleException("补正告知应给予申请人合理的补正期限");
        }
        else if (!_folding)
        {
            // A fixed date is only read from older histories: a new notice gives its period in working days.
            throw new RequestRuleException("补正期限应以工作日计，自申请人收到补正告知之日起计算");
        }
        Correction = c;
        CorrectionStep = step;
        Status = RequestStatus.AwaitingCorrection;
    }

    private void StartConsultation(ConsultationStarted cs, int step)
    {
        if (Status is not (RequestStatus.Processing or RequestStatus.Consulting))
            Expect(RequestStatus.Processing, "征求意见");
        if (string.IsNullOrWhiteSpace(cs.Party))
            throw new RequestRuleException("应写明征求意见的第三方或机关");
        if (OpenConsultations.Any(c => c.Started.Party == cs.Party))
            throw new RequestRuleException($"正在征求{cs.Party}的意见，不能重复发出");
        int term;
        if (cs.Kind == ConsultationKind.InternalDepartment)
        {
            term = cs.WorkingDays ?? _rules.InternalConsultationDefault;
            if (term is < 1 or > 30)
                throw new RequestRuleException("内部征求意见的期限应为1至30个工作日");
        }
        else
        {
            if (cs.WorkingDays is { } given && given != ConsultationReplyWorkingDays)
                throw new RequestRuleException("第三方或其他机关提出意见的期限为自收到征求意见书之日起15个工作日（条例第三十二条、第三十四条）");
            term = ConsultationReplyWorkingDays;
        }
        _consultations.Add(new Consultation(step, cs, term));
        Status = RequestStatus.Consulting;
    }

    private void Reply(ConsultationReplied reply)
    {
        Expect(RequestStatus.Consulting, "登记收到意见");
        var open = OpenConsultations.ToList();
        var consultation = reply.Party is { } party
            ? open.FirstOrDefault(c => c.Started.Party == party) ?? throw new RequestRuleException($"没有正在征求{party}意见的记录")
            : open.Count == 1 ? open[0] : throw new RequestRuleException("正在征求多方意见，请写明是哪一方的意见");
        if (string.IsNullOrWhiteSpace(reply.Opinion))
            throw new RequestRuleException("应写明收到的意见；逾期未提出意见的，写明“逾期未提出意见”");
        if (reply.Objects is not null && consultation.Started.Kind != ConsultationKind.ThirdParty)
            throw new RequestRuleException("只有第三方的意见有“是否同意公开”");
        consultation.Reply = reply;
        if (!OpenConsultations.Any())
            Status = RequestStatus.Processing;
    }

    private void Extend(Extended x)
    {
        if (Status is not (RequestStatus.Processing or RequestStatus.Consulting or RequestStatus.AwaitingFee or RequestStatus.AwaitingReasons))
            Expect(RequestStatus.Processing, "延期答复");
        if (ExtensionDays > 0)
            throw new RequestRuleException("延期答复只能一次（条例第三十三条第二款）");
        if (x.WorkingDays is < 1 or > MaxExtensionWorkingDays)
            throw new RequestRuleException("延长的期限最长不得超过20个工作日（条例第三十三条第二款）");
        if (string.IsNullOrWhiteSpace(x.ApprovedBy))
            throw new RequestRuleException("延期答复须经政府信息公开工作机构负责人同意");
        if (AnswerDue is { } due && x.Date > due)
            TimeLimit($"答复期限已于{Day(due)}届满，不能再延期");
        ExtensionDays = x.WorkingDays;
    }

    private void NotifyFee(FeeNotified f, int step)
    {
        Expect(RequestStatus.Processing, "发出收费通知");
        if (Fee is not null)
            throw new RequestRuleException("一件申请只能发出一次收费通知，且只能选择一种计收方式");
        if (Receipt!.Date < Fees.EffectiveFrom)
            throw new RequestRuleException("信息处理费只对2021年1月1日以后收到的申请收取（国办函〔2020〕109号）");
        if (f.Amount <= 0 || f.Amount != Fees.Amount(f.Basis, f.Quantity))
            throw new RequestRuleException($"收费金额应为{Fees.Label(f.Basis)}{Number(f.Quantity)}对应的{Fees.Amount(f.Basis, f.Quantity).ToString("0.##", CultureInfo.InvariantCulture)}元，且大于0");
        Fee = f;
        FeeStep = step;
        Status = RequestStatus.AwaitingFee;
    }

    private void ReceiveReasons(ReasonsReceived ra)
    {
        Expect(RequestStatus.AwaitingReasons, "登记申请人说明的理由");
        if (string.IsNullOrWhiteSpace(ra.Reasons))
            throw new RequestRuleException("应记录申请人说明的理由");
        if (ra.WorkingDays is { } days)
        {
            if (days < 1 || days > _rules.DelayMaxWorkingDays)
                throw new RequestRuleException($"延迟答复的合理期限应为1至{Number(_rules.DelayMaxWorkingDays)}个工作日");
            DelayedDue = _calendar.AddWorkingDays(ra.Date, days);
        }
        ReasonsAnswer = ra;
        Status = RequestStatus.Processing;
    }

    private void Decide(Decided d, int step)
    {
        switch (d.Outcome)
        {
            case Requests.Outcome.NoCorrection:
                Expect(RequestStatus.AwaitingCorrection, "以逾期不补正结案");
                if (CorrectionDue is not { } correctionDue)
                    TimeLimit("补正告知尚未登记送达，补正期限尚不能确定");
                else if (d.Date <= correctionDue)
                    TimeLimit($"补正期限{Day(correctionDue)}尚未届满");
                break;
            case Requests.Outcome.FeeUnpaid:
                Expect(RequestStatus.AwaitingFee, "以逾期未缴费结案");
                if (FeePaymentDue is not { } paymentDue)
                    TimeLimit("收费通知尚未登记送达，缴费期限尚不能确定");
                else if (d.Date <= paymentDue)
                    TimeLimit($"缴费期限{Day(paymentDue)}尚未届满");
                FeeSettledOn = d.Date;
                break;
            case Requests.Outcome.UnclearAfterCorrection:
                ExpectDeciding();
                if (!CorrectionArrived)
                    throw new RequestRuleException("只有经过补正的申请才能以“补正后申请内容仍不明确”答复");
                break;
            case Requests.Outcome.MassRepeated:
                ExpectDeciding();
                MassRepeatedAllowed(d.Date);
                break;
            default:
                ExpectDeciding();
                break;
        }
        if (string.IsNullOrWhiteSpace(d.Reason) && d.Outcome != Requests.Outcome.Granted && d.Items is not { Count: > 0 })
            throw new RequestRuleException("答复决定应写明理由和依据");
        if (d.Items is { Count: > 0 } items)
        {
            if (items.Any(i => string.IsNullOrWhiteSpace(i.Description)))
                throw new RequestRuleException("每个申请事项都应写明内容");
            if (DecisionItems.Overall(items) is var overall && overall != d.Outcome)
                throw new RequestRuleException($"分项答复的办理结果应计为“{Outcomes.Of(overall).Label}”（年度报告表三每件申请只计一种结果）");
        }
        if (Status == RequestStatus.Consulting)
            CheckConsultationsOver(d.Date);
        if (AnswerDue is { } due && d.Date > due)
            _irregularities.Add($"答复决定于{Day(d.Date)}作出，晚于答复期限{Day(due)}（条例第三十三条）");
        Decision = d;
        DecisionStep = step;
        Close(d.Date, d.Outcome);
    }

    /// <summary>Deciding from an open state; a consultation of a third party or another agency must have ended or run out its term.</summary>
    private void ExpectDeciding()
    {
        if (Status is not (RequestStatus.Processing or RequestStatus.Consulting or RequestStatus.AwaitingReasons))
            Expect(RequestStatus.Processing, "作出答复决定");
    }

    private void CheckConsultationsOver(DateOnly date)
    {
        foreach (var c in OpenConsultations.Where(c => c.Pauses))
        {
            if (c.ReplyDue is not { } due)
                throw new RequestRuleException($"征求意见中：{c.Started.Party}尚未登记收到征求意见书，意见期限尚不能确定；请先登记送达或收到的意见");
            if (date <= due)
                throw new RequestRuleException($"征求意见中：{c.Started.Party}的意见期限至{Day(due)}尚未届满，请在收到意见或期限届满后作出决定");
        }
    }

    /// <summary>第三十五条: 不予处理 as 大量反复申请 only after the applicant was asked for reasons and gave none in time, or unreasonable ones.</summary>
    private void MassRepeatedAllowed(DateOnly date)
    {
        if (Reasons is null)
            throw new RequestRuleException("以“无正当理由大量反复申请”不予处理前，应先要求申请人说明理由（条例第三十五条）");
        if (ReasonsAnswer is { WorkingDays: not null })
            throw new RequestRuleException("已认定申请理由合理并确定了延迟答复的期限，不能再以“无正当理由大量反复申请”不予处理");
        if (ReasonsAnswer is null)
        {
            if (ReasonsDue is not { } due)
                TimeLimit("要求说明理由的通知尚未登记送达，说明理由的期限尚不能确定");
            else if (date <= due)
                TimeLimit($"申请人说明理由的期限至{Day(due)}尚未届满");
        }
    }

    private void Withdraw(DateOnly date)
    {
        if (!RequestStatuses.IsOpen(Status))
            throw new RequestRuleException($"当前状态为“{RequestStatuses.Label(Status)}”，不能登记撤回");
        if (Status == RequestStatus.Submitted)
        {
            // Withdrawn before the office confirmed receipt: never received, so never counted in table 三.
            Status = RequestStatus.Closed;
            DeliveredOn = date;
            return;
        }
        if (Status == RequestStatus.AwaitingFee)
            FeeSettledOn = date;
        Close(date, Requests.Outcome.Other);
        Status = RequestStatus.Closed;
        DeliveredOn = date;
    }

    private void Close(DateOnly date, Outcome outcome)
    {
        foreach (var c in OpenConsultations)
            c.ClosedOn = date;
        Outcome = outcome;
        DecidedOn = date;
        Status = RequestStatus.Decided;
    }

    private void Deliver(Delivered d)
    {
        if (d.Of is not { } of)
        {
            // The decision's delivery to the applicant, named by no step (and so in older histories).
            Expect(RequestStatus.Decided, "登记送达");
            if (d.Party is not null)
                throw new RequestRuleException("向第三方送达的，应写明所送达的文书");
            if (DecisionStep is { } decision)
                _deliveries[(decision, null)] = d;
            CloseOnDelivery(d);
            return;
        }
        if (of < 1 || of > _history.Count)
            throw new RequestRuleException("送达的文书不存在");
        var delivered = _history[of - 1];
        if (delivered is Delivered or CorrectionReceived or FeePaid or Withdrawn or ConsultationReplied
            || delivered is ReasonsReceived { WorkingDays: null })
            throw new RequestRuleException("该步骤没有需要送达的文书");
        if (d.Date < delivered.Date)
            TimeLimit($"送达（收到）日期{Day(d.Date)}不能早于文书发出之日{Day(delivered.Date)}");
        if (d.SentOn is { } sent && (sent < delivered.Date || sent > d.Date))
            TimeLimit($"发出日期{Day(sent)}应在文书日期{Day(delivered.Date)}与收到日期{Day(d.Date)}之间");
        var party = delivered is ConsultationStarted started ? started.Party : d.Party;
        if (delivered is Decided && d.Party is { } notified && !ThirdPartiesToNotify.Contains(notified))
            throw new RequestRuleException($"{notified}不是需要告知公开决定的第三方（条例第三十二条）");
        if (delivered is not (Decided or ConsultationStarted) && d.Party is not null)
            throw new RequestRuleException("该文书的送达对象是申请人");
        var key = (of, party);
        if (_deliveries.ContainsKey(key))
            throw new RequestRuleException("该文书已登记送达");
        _deliveries[key] = d;
        switch (delivered)
        {
            case ConsultationStarted:
                var consultation = _consultations.Single(c => c.Step == of);
                consultation.DeliveredOn = d.Date;
                consultation.ReplyDue = _calendar.AddWorkingDays(d.Date, consultation.TermWorkingDays);
                break;
            case Decided when party is null:
                Expect(RequestStatus.Decided, "登记答复书送达");
                CloseOnDelivery(d);
                break;
        }
    }

    /// <summary>The decision reached the applicant: closed. Sent after the limit, it is late (posted by the last day is in time).</summary>
    private void CloseOnDelivery(Delivered d)
    {
        var sent = d.SentOn ?? d.Date;
        if (AnswerDue is { } due && sent > due && Outcome is not (Requests.Outcome.NoCorrection or Requests.Outcome.FeeUnpaid))
            _irregularities.Add($"答复书于{Day(sent)}{(d.SentOn is null ? "送达" : "发出")}，晚于答复期限{Day(due)}（条例第三十三条）");
        DeliveredOn = d.Date;
        Status = RequestStatus.Closed;
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
}
