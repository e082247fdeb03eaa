using Gongkai.Core.Agencies;
using Gongkai.Core.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Guide;

public sealed class IndexModel(GongkaiDbContext db) : PageModel
{
    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Agencies = AgencyTree.Build(await db.Agencies.AsNoTracking().ToListAsync(cancellationToken));
}
