using Gongkai.Core.Catalogue;
using Gongkai.Web.Catalogue;
using Gongkai.Web.Pages.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Documents;

/// <summary>/documents/{id}: a published document with all its metadata; a withdrawn one answers 410 and says so.</summary>
[OutputCache(PolicyName = CatalogueWeb.CachePolicy)]
public sealed class DetailsModel(PublicDocuments documents, TimeProvider clock) : PageModel
{
    public PublicDocument View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        CatalogueTags.Tag(HttpContext, CatalogueTags.Document(id));
        var view = await documents.FindAsync(id, CatalogueText.Today(clock), cancellationToken);
        if (view is null) return NotFound();
        View = view;
        if (view.IsWithdrawn) Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
