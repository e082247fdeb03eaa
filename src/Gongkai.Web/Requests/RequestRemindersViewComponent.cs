using Gongkai.Core.Requests.Reminders;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Requests;

/// <summary>The staff home's reminders: what to act on today, and extensions to approve.</summary>
public sealed class RequestRemindersViewComponent(RequestReminders reminders, CurrentUser me) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(me.Id is { } id ? await reminders.ForAsync(id, me.AgencyId, me.Roles, HttpContext.RequestAborted) : ReminderList.Empty);
}
