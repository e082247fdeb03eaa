namespace Gongkai.Domain.Requests;

/// <summary>
/// One consultation of a request (第三十二条 third party, 第三十四条 other agency, or an internal
/// department): its letter, when the party received it, its term and how it ended.
/// </summary>
public sealed class Consultation
{
    internal Consultation(int step, ConsultationStarted started, int termWorkingDays) =>
        (Step, Started, TermWorkingDays) = (step, started, termWorkingDays);

    /// <summary>The place of the starting step in the history (1-based).</summary>
    public int Step { get; }

    public ConsultationStarted Started { get; }

    /// <summary>15 working days for a third party or another agency; the office's term for an internal department.</summary>
    public int TermWorkingDays { get; }

    public DateOnly? DeliveredOn { get; internal set; }

    /// <summary>The party's last day: <see cref="TermWorkingDays"/> after receiving the letter; unknown until then.</summary>
    public DateOnly? ReplyDue { get; internal set; }

    public ConsultationReplied? Reply { get; internal set; }

    /// <summary>The day the request was decided or withdrawn while this consultation was open.</summary>
    public DateOnly? ClosedOn { get; internal set; }

    public bool IsOpen => Reply is null && ClosedOn is null;

    /// <summary>Only the consultations of 第三十二条 and 第三十四条 stop the answer's limit.</summary>
    public bool Pauses => Started.Kind != ConsultationKind.InternalDepartment;

    public string Label => Started.Kind switch
    {
        ConsultationKind.ThirdParty => $"征求第三方意见（{Started.Party}）",
        ConsultationKind.OtherAgency => $"征求其他机关意见（{Started.Party}）",
        ConsultationKind.InternalDepartment => $"征求内部业务部门意见（{Started.Party}）",
    };

    /// <summary>The last day not counted: the reply, the end of the term, or the decision, whichever is first; null while none is known.</summary>
    public DateOnly? PauseEnd => Earliest(Reply?.Date, ReplyDue, ClosedOn);

    public string? EndReason
    {
        get
        {
            if (PauseEnd is not { } end)
                return DeliveredOn is null ? "征求意见书尚未登记送达，意见期限尚不能确定" : null;
            if (Reply is { } r && r.Date == end)
                return "收到意见";
            if (ReplyDue == end)
                return Started.Kind == ConsultationKind.OtherAgency
                    ? "被征求意见机关逾期未提出意见，视为同意公开（条例第三十四条），期限届满之日恢复计时"
                    : "意见期限届满，恢复计时（逾期未提出意见的，由本机关依法决定是否公开，条例第三十二条）";
            return "作出答复决定";
        }
    }

    private static DateOnly? Earliest(params DateOnly?[] dates)
    {
        DateOnly? earliest = null;
        foreach (var d in dates)
        {
            if (d is { } day && (earliest is null || day < earliest))
                earliest = day;
        }
        return earliest;
    }
}
