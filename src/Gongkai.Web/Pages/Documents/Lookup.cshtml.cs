using Gongkai.Core.Catalogue;
using Gongkai.Domain.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Documents;

/// <summary>/documents/{索引号}, e.g. /documents/001000010/2026-00012: the document the number was given to.</summary>
public sealed class LookupModel(PublicDocuments documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? number, CancellationToken cancellationToken)
    {
        if (!IndexNumber.TryParse(number, out var parsed)) return NotFound();
        return await documents.IdOfAsync(parsed, cancellationToken) is { } found ? Redirect($"/documents/{found}") : NotFound();
    }
}
