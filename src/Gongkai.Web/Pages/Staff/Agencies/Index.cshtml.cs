using Gongkai.Core.Agencies;
using Gongkai.Core.Storage;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Agencies;

public sealed class IndexModel(GongkaiDbContext db, CurrentUser me) : PageModel
{
    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await me.ScopeAsync(cancellationToken);
        Agencies = AgencyTree.Build(await scope.Apply(db.Agencies.AsNoTracking(), a => a.Id).ToListAsync(cancellationToken));
    }
}
