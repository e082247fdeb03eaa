using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Catalogue;

/// <summary>A document's place in publishing: reviewed before it is public (先审查、后公开).</summary>
public enum PublishingStatus
{
    /// <summary>草稿</summary>
    Draft,

    /// <summary>待保密审查</summary>
    InReview,

    /// <summary>审查通过，待发布</summary>
    Approved,

    /// <summary>已发布</summary>
    Published,

    /// <summary>已撤回</summary>
    Withdrawn,

    /// <summary>已作废: a draft abandoned before publishing, kept with its history.</summary>
    Discarded,
}

public enum PublishingAction
{
    Edit,
    SubmitForReview,
    Approve,
    Reject,
    Publish,
    Withdraw,
    Discard,
}

/// <summary>
/// The explicit transition table of publishing. Editing returns an approved document to draft
/// (the review covered the old text); publishing needs a recorded approval; withdrawing needs a
/// reason and keeps the history.
/// </summary>
public static class PublishingWorkflow
{
    /// <summary>Working days within which proactive information must be published (条例第二十六条).</summary>
    public const int PublishWithinWorkingDays = 20;

    private static readonly Dictionary<(PublishingStatus, PublishingAction), PublishingStatus> Transitions = new()
    {
        [(PublishingStatus.Draft, PublishingAction.Edit)] = PublishingStatus.Draft,
        [(PublishingStatus.Draft, PublishingAction.SubmitForReview)] = PublishingStatus.InReview,
        [(PublishingStatus.InReview, PublishingAction.Approve)] = PublishingStatus.Approved,
        [(PublishingStatus.InReview, PublishingAction.Reject)] = PublishingStatus.Draft,
        [(PublishingStatus.Approved, PublishingAction.Edit)] = PublishingStatus.Draft,
        [(PublishingStatus.Approved, PublishingAction.Publish)] = PublishingStatus.Published,
        [(PublishingStatus.Published, PublishingAction.Withdraw)] = PublishingStatus.Withdrawn,
        [(PublishingStatus.Draft, PublishingAction.Discard)] = PublishingStatus.Discarded,
    };

    public static bool Allows(PublishingStatus from, PublishingAction action) => Transitions.ContainsKey((from, action));

    /// <summary>The status after the action, or a refusal that says why.</summary>
    public static PublishingStatus Next(PublishingStatus from, PublishingAction action)
    {
        if (Transitions.TryGetValue((from, action), out var to))
            return to;
        throw new PublishingRuleException(action switch
        {
            PublishingAction.Publish when from is PublishingStatus.Draft or PublishingStatus.InReview =>
                "未经保密审查通过的信息不能发布（先审查、后公开）",
            PublishingAction.Publish => $"“{Label(from)}”状态的信息不能发布",
            PublishingAction.Approve or PublishingAction.Reject => $"只有待保密审查的信息才能审查，当前为“{Label(from)}”",
            PublishingAction.SubmitForReview => $"只有草稿才能提交保密审查，当前为“{Label(from)}”",
            PublishingAction.Withdraw => "只有已发布的信息才能撤回",
            PublishingAction.Edit => $"“{Label(from)}”状态的信息不能修改；已发布的信息请撤回后重新起草",
            PublishingAction.Discard => "只有草稿才能作废；已发布的信息请撤回",
        });
    }

    /// <summary>The day by which a draft created on <paramref name="createdOn"/> must be published.</summary>
    public static DateOnly PublishDue(DateOnly createdOn, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(createdOn, PublishWithinWorkingDays);

    /// <summary>Not yet published nor abandoned: the Article 26 clock is running.</summary>
    public static bool IsPending(PublishingStatus status) =>
        status is PublishingStatus.Draft or PublishingStatus.InReview or PublishingStatus.Approved;

    /// <summary>
    /// Where a pending document stands against Article 26 on <paramref name="today"/>: its due day,
    /// and the working days left before it or, once past it, the working days overdue. Computed,
    /// never stored: a holiday added to the calendar moves every deadline at once.
    /// </summary>
    public static PublishDeadline Deadline(DateOnly createdOn, DateOnly today, WorkingCalendar calendar)
    {
        var due = PublishDue(createdOn, calendar);
        return today <= due
            ? new PublishDeadline(due, false, calendar.WorkingDaysBetween(today, due))
            : new PublishDeadline(due, true, calendar.WorkingDaysBetween(due, today));
    }

    public static string Label(PublishingStatus status) => status switch
    {
        PublishingStatus.Draft => "草稿",
        PublishingStatus.InReview => "待保密审查",
        PublishingStatus.Approved => "审查通过，待发布",
        PublishingStatus.Published => "已发布",
        PublishingStatus.Withdrawn => "已撤回",
        PublishingStatus.Discarded => "已作废",
    };
}

/// <summary>
/// The Article 26 due day. Overdue from the day after it, even a rest day; <paramref name="WorkingDays"/>
/// counts the working days left before it, or those gone since it when overdue.
/// </summary>
public readonly record struct PublishDeadline(DateOnly Due, bool IsOverdue, int WorkingDays);

public sealed class PublishingRuleException(string message) : Exception(message);
