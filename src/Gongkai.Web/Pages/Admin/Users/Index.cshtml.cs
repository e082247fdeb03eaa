using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Users;

public sealed class IndexModel(AgencyDirectory agencies, UserDirectory users) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    public IReadOnlyList<Agency> AgencyOptions { get; private set; } = [];
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        AgencyOptions = await agencies.ListAsync(cancellationToken);
        Rows = await users.ListAsync(Agency, cancellationToken);
    }
}
