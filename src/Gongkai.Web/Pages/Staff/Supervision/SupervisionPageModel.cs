using Gongkai.Core.Accounts;
using Gongkai.Core.Supervision;
using Gongkai.Core.Supervision.Storage;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>
/// Every page of the supervision workspace: for 上级监督 only, and a workspace outside the viewer's
/// agency scope is not found (404), exactly like one that does not exist.
/// </summary>
[Authorize(Roles = Roles.Supervisor)]
public abstract class SupervisionPageModel(WorkspaceService workspaces, CurrentUser me) : PageModel
{
    public SupervisionWorkspace Workspace { get; private set; } = null!;

    protected CurrentUser Me => me;

    protected WorkspaceService WorkspaceService => workspaces;

    /// <summary>Loads the workspace of the route; false when the viewer may not see it.</summary>
    protected async Task<bool> LoadWorkspaceAsync(int id, CancellationToken cancellationToken)
    {
        var workspace = await workspaces.FindAsync(await me.ScopeAsync(cancellationToken), id, cancellationToken);
        if (workspace is null)
            return false;
        Workspace = workspace;
        ViewData[WorkspaceNav.Key] = workspace;
        return true;
    }
}
