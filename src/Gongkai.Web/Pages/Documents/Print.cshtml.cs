using Gongkai.Core.Catalogue;
using Gongkai.Web.Catalogue;
using Gongkai.Web.Pages.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Documents;

/// <summary>/documents/{id}/print: the document alone, for paper.</summary>
[OutputCache(PolicyName = CatalogueWeb.CachePolicy)]
public sealed class PrintModel(PublicDocuments documents, IConfiguration configuration, TimeProvider clock) : PageModel
{
    public PublicDocument View { get; private set; } = null!;
    public string SiteName => configuration["Gongkai:SiteName"] ?? "政府信息公开平台";
    public string Address => SiteAddress.Document(Request, View.Document.Id);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        CatalogueTags.Tag(HttpContext, CatalogueTags.Document(id));
        var view = await documents.FindAsync(id, CatalogueText.Today(clock), cancellationToken);
        if (view is null || view.IsWithdrawn) return NotFound();
        View = view;
        return Page();
    }
}
