using Gongkai.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

/// <summary>The proactive catalogue. Documents arrive with the catalogue feature; until then it truthfully lists none.</summary>
public sealed class CatalogModel(GongkaiDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Agency { get; set; }

    public IReadOnlyList<Core.Agencies.Agency> AgencyOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        AgencyOptions = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(cancellationToken);
}
