namespace Gongkai.Domain.Requests;

public enum RequestStatus
{
    /// <summary>待确认: submitted online, receipt not yet confirmed.</summary>
    Submitted,

    /// <summary>办理中</summary>
    Processing,

    /// <summary>待补正: the clock is stopped until the correction arrives.</summary>
    AwaitingCorrection,

    /// <summary>征求意见中: paused.</summary>
    Consulting,

    /// <summary>待缴费: paused.</summary>
    AwaitingFee,

    /// <summary>待说明理由 (第三十五条): the limit keeps running.</summary>
    AwaitingReasons,

    /// <summary>已作出决定，待送达</summary>
    Decided,

    /// <summary>已办结</summary>
    Closed,
}

public static class RequestStatuses
{
    public static string Label(RequestStatus status) => status switch
    {
        RequestStatus.Submitted => "待确认收到",
        RequestStatus.Processing => "办理中",
        RequestStatus.AwaitingCorrection => "待申请人补正",
        RequestStatus.Consulting => "征求意见中（暂停计时）",
        RequestStatus.AwaitingFee => "待缴纳信息处理费（暂停计时）",
        RequestStatus.AwaitingReasons => "待申请人说明理由",
        RequestStatus.Decided => "已作出答复决定，待送达",
        RequestStatus.Closed => "已办结",
    };

    /// <summary>Open on 31 December means carried forward into the next year's report.</summary>
    public static bool IsOpen(RequestStatus status) => status is not (RequestStatus.Decided or RequestStatus.Closed);
}

/// <summary>A step the rules do not allow; the message says why, in Chinese.</summary>
public sealed class RequestRuleException(string message) : Exception(message);
