using System.Globalization;

namespace Gongkai.Domain.Requests;

/// <summary>A step of the history as the case page, the tracking page and the audit log say it.</summary>
public static class RequestEventText
{
    public static string Describe(RequestEvent e) => e switch
    {
        Received r => $"确认收到申请（{Channels.Label(r.Channel)}）",
        CorrectionRequested c => $"告知补正，补正期限至{Day(c.ApplicantDeadline)}",
        CorrectionReceived => "收到补正，答复期限重新计算",
        ConsultationStarted s => $"{(s.Kind == ConsultationKind.ThirdParty ? "征求第三方意见" : "征求其他机关意见")}：{s.Party}（暂停计时）",
        ConsultationEnded x => $"收到意见，恢复计时：{x.Opinion}",
        Extended x => $"延期答复{x.WorkingDays.ToString(CultureInfo.InvariantCulture)}个工作日（{x.ApprovedBy}同意）",
        FeeNotified f => $"发出收费通知：{Fees.Label(f.Basis)}，{f.Amount.ToString("0.##", CultureInfo.InvariantCulture)}元（暂停计时）",
        FeePaid => "申请人已缴费，恢复计时",
        Decided d => $"作出答复决定：{Outcomes.Of(d.Outcome).Label}",
        Withdrawn => "申请人撤回申请",
        Delivered d => $"送达答复（{d.Method}），办结",
        _ => e.GetType().Name,
    };

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
