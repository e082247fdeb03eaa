using Gongkai.Core.Requests;
using Gongkai.Web.Hosting;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>/staff/requests: the queue, most urgent first, with due-soon and overdue warnings.</summary>
public sealed class IndexModel(RequestQueue queue, CurrentUser me) : PageModel
{
    [FromQuery] public QueueView View { get; set; } = QueueView.Open;
    [FromQuery] public bool Mine { get; set; }
    [FromQuery] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public QueuePage Result { get; private set; } = new([], false);
    public bool CanRegister { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await me.RequestActorAsync(cancellationToken);
        CanRegister = actor.AgencyId is { } agency && actor.CanHandle(agency);
        Result = await queue.ListAsync(actor, new QueueFilter { View = View, AssigneeId = Mine ? me.Id : null, Query = Q, Page = PageNumber }, cancellationToken);
    }

    public string Link(QueueView view, int page = 1) =>
        $"/staff/requests?view={view}{(Mine ? "&mine=true" : "")}{(string.IsNullOrWhiteSpace(Q) ? "" : "&q=" + Uri.EscapeDataString(Q))}{(page > 1 ? "&page=" + page : "")}";
}
