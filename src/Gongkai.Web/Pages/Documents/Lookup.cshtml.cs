using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Documents;

/// <summary>/documents/{索引号}, e.g. /documents/001000010/2026-00012: the document the number was given to.</summary>
public sealed class LookupModel(GongkaiDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? number, CancellationToken cancellationToken)
    {
        if (!IndexNumber.TryParse(number, out var parsed)) return NotFound();
        var text = parsed.ToString();
        var id = await db.Documents.Where(d => d.IndexNumber == text && (d.Status == PublishingStatus.Published || d.Status == PublishingStatus.Withdrawn))
            .Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken);
        return id is { } found ? Redirect($"/documents/{found}") : NotFound();
    }
}
