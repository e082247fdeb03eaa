using Gongkai.Core.Accounts;

namespace Gongkai.Core.Requests.Reminders;

/// <summary>
/// What a staff member should act on today: their own and unassigned requests that need attention
/// (all of the agency's for an office head), extensions waiting for the head's approval, and the
/// agency's reviews and lawsuits waiting for its 答复 or 答辩状, with their due dates.
/// </summary>
public sealed record ReminderList(IReadOnlyList<QueueRow> ToAct, IReadOnlyList<QueueRow> ToApprove, IReadOnlyList<ReviewCaseView> Reviews)
{
    public static ReminderList Empty { get; } = new([], [], []);

    public int Count => ToAct.Count + ToApprove.Count + Reviews.Count;
}

/// <summary>The in-app reminders of the staff home, and the content of the reminder e-mail.</summary>
public sealed class RequestReminders(RequestQueue queue, ReviewService reviews)
{
    public async Task<ReminderList> ForAsync(Guid userId, int? agencyId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        var head = roles.Contains(Roles.OfficeHead);
        if (agencyId is not { } agency || !(head || roles.Contains(Roles.Handler)))
            return ReminderList.Empty;
        var open = await queue.OpenOfAgencyAsync(agency, cancellationToken);
        var toAct = open.Where(r => r.Attention != Attention.None && (head || r.AssigneeId is null || r.AssigneeId == userId))
            .OrderBy(r => (int)r.Attention).ThenBy(r => r.Date ?? DateOnly.MaxValue).ToList();
        var toApprove = head ? open.Where(r => r.ExtensionAsked).ToList() : [];
        return new ReminderList(toAct, toApprove, await reviews.AwaitingAnswerAsync(agency, cancellationToken));
    }

    public static string Label(Attention attention) => attention switch
    {
        Attention.None => "",
        Attention.Overdue => "已超过答复期限",
        Attention.WaitingOver => "等待期限已过，请办理下一步",
        Attention.AwaitingReceipt => "在线提交，待确认收到",
        Attention.DueSoon => "3个工作日内到期",
        Attention.AwaitingDelivery => "文书待登记送达，期限尚未起算",
        Attention.ToDeliver => "已作出决定，待送达",
    };
}
