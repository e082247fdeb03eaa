using Gongkai.Core.Supervision;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>/staff/supervision: the workspaces of the supervisor's agency and those below it; a new one for the own agency.</summary>
public sealed class IndexModel(WorkspaceService workspaces, CurrentUser me) : SupervisionPageModel(workspaces, me)
{
    [BindProperty] public string? Name { get; set; }
    public IReadOnlyList<WorkspaceSummary> Workspaces { get; private set; } = [];
    public bool HasAgency => Me.AgencyId is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Workspaces = await WorkspaceService.ListAsync(await Me.ScopeAsync(cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Me.AgencyId is not { } agency)
            return Forbid();
        var created = await WorkspaceService.CreateAsync(agency, Name, Me.Actor, cancellationToken);
        if (created.Succeeded)
            return Redirect(WorkspaceNav.Url(created.Value!));
        ModelState.AddErrors(created.Errors, prefix: "");
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
