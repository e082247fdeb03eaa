using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin;

public sealed class IndexModel(AgencyDirectory agencies, UserDirectory users, AuditLog audit) : PageModel
{
    public int Agencies { get; private set; }
    public int Users { get; private set; }
    public long AuditEntries { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Agencies = await agencies.CountAsync(AgencyScope.Everything, cancellationToken);
        Users = await users.CountAsync(cancellationToken);
        AuditEntries = await audit.CountAsync(cancellationToken);
    }
}
