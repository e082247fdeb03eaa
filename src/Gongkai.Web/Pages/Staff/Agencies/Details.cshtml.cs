using Gongkai.Core.Agencies;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Agencies;

/// <summary>One agency and its staff. Outside the viewer's scope it does not exist: 404, never 403.</summary>
public sealed class DetailsModel(AgencyDirectory agencies, CurrentUser me) : PageModel
{
    public Agency Agency { get; private set; } = null!;
    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await agencies.FindAsync(id, await me.ScopeAsync(cancellationToken), cancellationToken) is not { } agency) return NotFound();
        Agency = agency;
        Staff = await agencies.StaffAsync(id, cancellationToken);
        return Page();
    }
}
