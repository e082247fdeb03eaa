using Gongkai.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

/// <summary>/search?q=: agencies by name, office or guide text now; catalogue documents join when they exist.</summary>
public sealed class SearchModel(GongkaiDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<Core.Agencies.Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Q = Q?.Trim();
        if (string.IsNullOrEmpty(Q)) return;
        if (Q.Length > 100) Q = Q[..100];
        var q = Q;
        // Contains is translated to instr/strpos, so the user's % and _ are literal, not wildcards.
        Agencies = await db.Agencies.AsNoTracking()
            .Where(a => a.Name.Contains(q) || a.OfficeName.Contains(q) || a.Guide.Contains(q))
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Id).Take(50)
            .ToListAsync(cancellationToken);
    }
}
