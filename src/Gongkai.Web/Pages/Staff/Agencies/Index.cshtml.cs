using Gongkai.Core.Agencies;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Agencies;

public sealed class IndexModel(AgencyDirectory agencies, CurrentUser me) : PageModel
{
    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Agencies = await agencies.TreeAsync(await me.ScopeAsync(cancellationToken), cancellationToken);
    }
}
