using Gongkai.Core.Accounts;
using Gongkai.Core.Requests;
using Gongkai.Core.Requests.Reminders;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Requests;

/// <summary>What the staff home shows about requests: today's work, and for supervisors the overdue requests below them.</summary>
public sealed record RemindersView(ReminderList Work, IReadOnlyList<QueueRow> SupervisedOverdue, bool Supervisor, DateOnly Today);

/// <summary>The staff home's reminders: what to act on today, extensions to approve, and (上级监督) what is overdue in the agencies supervised.</summary>
public sealed class RequestRemindersViewComponent(RequestReminders reminders, RequestQueue queue, CurrentUser me, OfficeClock clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var work = me.Id is { } id ? await reminders.ForAsync(id, me.AgencyId, me.Roles, cancellationToken) : ReminderList.Empty;
        var supervisor = me.Roles.Contains(Roles.Supervisor);
        var overdue = supervisor
            ? (await queue.ListAsync(await me.RequestActorAsync(cancellationToken), new QueueFilter { View = QueueView.Overdue }, cancellationToken)).Rows
            : [];
        return View(new RemindersView(work, overdue, supervisor, clock.Today));
    }
}
