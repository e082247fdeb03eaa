using Gongkai.Core.Agencies;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Guide;

public sealed class IndexModel(AgencyDirectory agencies) : PageModel
{
    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Agencies = await agencies.TreeAsync(AgencyScope.Everything, cancellationToken);
}
