using System.Globalization;

namespace Gongkai.Domain.Requests;

/// <summary>A step of the history as the case page, the tracking page and the audit log say it.</summary>
public static class RequestEventText
{
    public static string Describe(RequestEvent e) => e switch
    {
        Received r => $"确认收到申请（{Channels.Label(r.Channel)}）",
        CorrectionRequested { PeriodWorkingDays: { } days } => $"告知补正，补正期限为申请人收到告知之日起{N(days)}个工作日",
        CorrectionRequested c => $"告知补正，补正期限至{Day(c.ApplicantDeadline!.Value)}",
        CorrectionReceived => "收到补正，答复期限重新计算",
        ConsultationStarted s => s.Kind switch
        {
            ConsultationKind.ThirdParty => $"征求第三方意见：{s.Party}（暂停计时）",
            ConsultationKind.OtherAgency => $"征求其他机关意见：{s.Party}（暂停计时）",
            ConsultationKind.InternalDepartment => $"征求内部业务部门意见：{s.Party}（{N(s.WorkingDays ?? 0)}个工作日，计入办理期限）",
        },
        ConsultationReplied x => $"收到{x.Party ?? ""}意见{(x.Objects switch { true => "（不同意公开）", false => "（同意公开）", null => "" })}：{x.Opinion}",
        Extended x => $"延期答复{N(x.WorkingDays)}个工作日（{x.ApprovedBy}同意）",
        FeeNotified f => $"发出收费通知：{Fees.Label(f.Basis)}，{f.Amount.ToString("0.##", CultureInfo.InvariantCulture)}元（暂停计时）",
        FeePaid => "申请人已缴费，恢复计时",
        FeeWaived w => $"减免信息处理费，恢复计时：{w.Reason}",
        ReasonsRequested r => $"要求申请人说明理由，期限为收到通知之日起{N(r.PeriodWorkingDays)}个工作日（条例第三十五条）",
        ReasonsReceived { WorkingDays: { } days } => $"收到申请人说明的理由，认为理由合理，确定延迟答复的合理期限为{N(days)}个工作日",
        ReasonsReceived => "收到申请人说明的理由",
        Decided { Items: { Count: > 0 } items } d => $"作出答复决定：{Outcomes.Of(d.Outcome).Label}（分{N(items.Count)}项答复）",
        Decided d => $"作出答复决定：{Outcomes.Of(d.Outcome).Label}",
        Withdrawn => "申请人撤回申请",
        Delivered { Of: null } d => $"送达答复（{d.Method}），办结",
        Delivered d => $"登记送达：{d.Party ?? ""}{(d.Party is null ? "" : "于")}{Day(d.Date)}收到（{d.Method}{(d.Reference is { Length: > 0 } r ? "，" + r : "")}）",
        _ => e.GetType().Name,
    };

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
