using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Requests.SignOff;
using Gongkai.Web.Hosting;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

public sealed class IndexModel(AgencyDirectory agencies, LetterDrafts drafts, CurrentUser me) : PageModel
{
    public string DisplayName => me.DisplayName;
    public IReadOnlyList<string> RoleLabels => me.Roles.Select(Roles.Label).ToList();
    public bool IsAdministrator => me.Roles.Contains(Roles.Admin);
    public Agency? Agency { get; private set; }
    public int VisibleCount { get; private set; }
    public string ScopeDescription { get; private set; } = "";
    /// <summary>Letters waiting for this person in the sign-off chain (to revise, review or sign off).</summary>
    public int LettersAwaiting { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await me.ScopeAsync(cancellationToken);
        Agency = me.AgencyId is { } id ? await agencies.FindAsync(id, cancellationToken) : null;
        VisibleCount = await agencies.CountAsync(scope, cancellationToken);
        LettersAwaiting = (await drafts.AwaitingAsync(await me.RequestActorAsync(cancellationToken), cancellationToken)).Count;
        ScopeDescription = scope.IsEverything ? "系统管理员可以查看全部机关的记录。"
            : me.Roles.Contains(Roles.Supervisor) ? "上级监督可以查看本机关及全部下级机关的记录。"
            : "您可以查看本机关的记录。";
    }
}
