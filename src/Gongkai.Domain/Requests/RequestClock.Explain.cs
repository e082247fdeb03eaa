using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Requests;

/// <summary>"How this date was computed": the rules and the days behind each due date, in Chinese.</summary>
public sealed partial class RequestClock
{
    private static string F(DateOnly date) => WorkingDayTrace.Format(date);

    public IReadOnlyList<string> ExplainAnswerDue()
    {
        if (Receipt is not { } receipt)
            return ["尚未确认收到申请，办理期限尚未起算"];
        var lines = new List<string> { Channels.ReceiptRule(receipt.Channel), $"收到申请之日：{F(receipt.Date)}" };
        if (Correction is { } c)
        {
            lines.Add($"{F(c.Date)}发出补正告知，{CorrectionPeriodText(c)}；补正期间不计算办理期限");
            if (!CorrectionArrived)
                return [.. lines, "等待申请人补正，答复期限暂未计算"];
            lines.Add($"{F(ClockStart!.Value)}收到补正，答复期限自收到补正之日起重新计算（条例第三十条）");
            if (LapsedExtension is { } lapsed)
                lines.Add($"补正前{F(lapsed.Date)}的延期（{Number(lapsed.WorkingDays)}个工作日）随期限重新计算而不再适用，需要延期的应重新决定");
        }
        lines.Add("答复期限为自起算日起20个工作日（条例第三十三条第一款）");
        if (ExtensionDays > 0)
            lines.Add($"经政府信息公开工作机构负责人同意延长{Number(ExtensionDays)}个工作日（条例第三十三条第二款）");
        foreach (var p in Pauses)
        {
            if (p.To is { } to)
                lines.Add($"{F(p.From)}至{F(to)}{p.Reason}，所需时间不计算在办理期限内（发出之日计入，次日起不计；{p.EndReason}）");
            else
                lines.Add($"自{F(p.From)}起{p.Reason}，暂停计时：{p.EndReason ?? "恢复计时之日尚不能确定"}");
        }
        if (Pauses.Any(p => p.To is null))
            return [.. lines, "暂停计时的结束之日确定后，重新计算答复期限"];
        if (OpenConsultations.Any(c => c.Pauses && c.Reply is null))
            lines.Add("以下按被征求意见方用足意见期限计算；提前收到意见的，答复期限相应提前");
        lines.AddRange(_calendar.Trace(ClockStart!.Value, Limit, IsPaused).Describe());
        if (DelayedDue is { } delayed && AnswerDue == delayed)
            lines.Add($"申请人说明的理由合理，本机关确定延迟答复的合理期限至{F(delayed)}（条例第三十五条）");
        return lines;
    }

    private static string CorrectionPeriodText(CorrectionRequested c) => c.PeriodWorkingDays is { } days
        ? $"补正期限为自申请人收到告知之日起{Number(days)}个工作日"
        : $"补正期限至{F(c.ApplicantDeadline!.Value)}";

    /// <summary>How the 补正告知's last day was computed.</summary>
    public IReadOnlyList<string> ExplainCorrectionNoticeDue() => Receipt is { } r
        ? ["补正告知应在收到申请之日起7个工作日内一次性发出（条例第三十条）", .. _calendar.Trace(r.Date, CorrectionNoticeWorkingDays).Describe()]
        : [];

    /// <summary>How the applicant's 补正 deadline was computed, or why it is not known yet.</summary>
    public IReadOnlyList<string> ExplainCorrectionDue()
    {
        if (Correction is not { } c)
            return [];
        if (c.PeriodWorkingDays is not { } days)
            return [$"补正告知写明的期限{F(c.ApplicantDeadline!.Value)}，期限最后一日为休息日的，顺延至其后第一个工作日", $"补正期限：{F(CorrectionDue!.Value)}"];
        var head = $"补正期限为自申请人收到补正告知之日起{Number(days)}个工作日，逾期无正当理由不补正的视为放弃申请（条例第三十条）";
        return CorrectionDeliveredOn is { } received
            ? [head, $"申请人收到补正告知之日：{F(received)}", .. _calendar.Trace(received, days).Describe()]
            : [head, "补正告知尚未登记送达，补正期限尚不能确定；请登记申请人收到告知的日期"];
    }

    /// <summary>How the payment deadline was computed, or why it is not known yet.</summary>
    public IReadOnlyList<string> ExplainFeePaymentDue()
    {
        if (Fee is null)
            return [];
        const string head = "申请人应自收到收费通知的次日起20个工作日内缴费，逾期未缴费的视为放弃申请（国办函〔2020〕109号）";
        return FeeDeliveredOn is { } received
            ? [head, $"申请人收到收费通知之日：{F(received)}", .. _calendar.Trace(received, Fees.PaymentWorkingDays).Describe()]
            : [head, "收费通知尚未登记送达，缴费期限尚不能确定；请登记申请人收到通知的日期"];
    }

    /// <summary>How a consulted party's reply deadline was computed, or why it is not known yet.</summary>
    public IReadOnlyList<string> ExplainReplyDue(Consultation c)
    {
        var head = c.Started.Kind switch
        {
            ConsultationKind.ThirdParty => "第三方应当自收到征求意见书之日起15个工作日内提出意见，逾期未提出意见的由本机关依法决定是否公开（条例第三十二条）",
            ConsultationKind.OtherAgency => "被征求意见机关应当自收到征求意见书之日起15个工作日内提出意见，逾期未提出意见的视为同意公开（条例第三十四条）",
            ConsultationKind.InternalDepartment => $"内部业务部门应自收到征求意见单之日起{Number(c.TermWorkingDays)}个工作日内提出意见；内部征求意见的时间计入办理期限",
        };
        return c.DeliveredOn is { } received
            ? [head, $"收到征求意见书之日：{F(received)}", .. _calendar.Trace(received, c.TermWorkingDays).Describe()]
            : [head, "征求意见书尚未登记送达，意见期限尚不能确定；请登记对方收到的日期"];
    }

    /// <summary>How the applicant's deadline to explain (第三十五条) was computed, or why it is not known yet.</summary>
    public IReadOnlyList<string> ExplainReasonsDue()
    {
        if (Reasons is not { } r)
            return [];
        var head = $"申请人应自收到通知之日起{Number(r.PeriodWorkingDays)}个工作日内说明理由（条例第三十五条）；答复期限照常计算";
        return ReasonsDeliveredOn is { } received
            ? [head, $"申请人收到通知之日：{F(received)}", .. _calendar.Trace(received, r.PeriodWorkingDays).Describe()]
            : [head, "要求说明理由的通知尚未登记送达，说明理由的期限尚不能确定"];
    }
}
