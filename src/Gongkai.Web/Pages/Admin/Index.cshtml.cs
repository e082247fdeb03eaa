using Gongkai.Core.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin;

public sealed class IndexModel(GongkaiDbContext db) : PageModel
{
    public int Agencies { get; private set; }
    public int Users { get; private set; }
    public long AuditEntries { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Agencies = await db.Agencies.CountAsync(cancellationToken);
        Users = await db.Users.CountAsync(cancellationToken);
        AuditEntries = await db.AuditEntries.LongCountAsync(cancellationToken);
    }
}
