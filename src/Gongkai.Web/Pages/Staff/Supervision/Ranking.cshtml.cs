using Gongkai.Core.Supervision;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>/staff/supervision/{id}/ranking: units ranked over all years or one, by what the supervisor chooses.</summary>
public sealed class RankingModel(WorkspaceService workspaces, CurrentUser me, WorkspaceReports reports) : SupervisionPageModel(workspaces, me)
{
    [FromRoute] public int Id { get; set; }
    [FromQuery] public int? Year { get; set; }
    [FromQuery] public RankingOrder Order { get; set; } = RankingOrder.Errors;

    public IReadOnlyList<int> AllYears { get; private set; } = [];
    public IReadOnlyList<RankingRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadWorkspaceAsync(Id, cancellationToken))
            return NotFound();
        var all = await reports.AuditAsync(Workspace, null, cancellationToken);
        AllYears = all.Years;
        var audit = Year is { } year && all.Years.Contains(year) ? await reports.AuditAsync(Workspace, year, cancellationToken) : all;
        Rows = Ranking.Of(audit, Order);
        return Page();
    }

    public string Link(RankingOrder order) =>
        WorkspaceNav.Url(Workspace, "/ranking") + $"?order={order}" + (Year is { } y ? $"&year={y}" : "");
}
