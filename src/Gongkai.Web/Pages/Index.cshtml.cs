using Gongkai.Core.Agencies;
using Gongkai.Core.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

public sealed class IndexModel(GongkaiDbContext db) : PageModel
{
    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];
    public int AgencyCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(cancellationToken);
        AgencyCount = agencies.Count;
        Agencies = AgencyTree.Build(agencies);
    }
}
