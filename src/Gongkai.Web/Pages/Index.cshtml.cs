using Gongkai.Core.Agencies;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

public sealed class IndexModel(AgencyDirectory agencies) : PageModel
{
    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];
    public int AgencyCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await agencies.ListAsync(cancellationToken);
        AgencyCount = all.Count;
        Agencies = AgencyTree.Build(all);
    }
}
