using Gongkai.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Requests;

/// <summary>/requests/new: what an application must contain and where it goes; the online form comes with the requests feature.</summary>
public sealed class NewModel(GongkaiDbContext db) : PageModel
{
    public IReadOnlyList<Core.Agencies.Agency> AgencyOptions { get; private set; } = [];
    public Core.Agencies.Agency? Agency { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "agency")] int? agencyId, CancellationToken cancellationToken)
    {
        AgencyOptions = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        Agency = AgencyOptions.FirstOrDefault(a => a.Id == agencyId);
    }
}
