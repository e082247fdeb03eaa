using Gongkai.Core.Catalogue;
using Gongkai.Web.Catalogue;
using Gongkai.Web.Hosting;
using Gongkai.Web.Pages.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Pages.Documents;

/// <summary>/documents/{id}/print: the document alone, for paper.</summary>
[OutputCache(PolicyName = CatalogueWeb.CachePolicy)]
public sealed class PrintModel(PublicDocuments documents, IOptions<GongkaiOptions> options, TimeProvider clock) : PageModel
{
    public PublicDocument View { get; private set; } = null!;
    public string SiteName => options.Value.SiteName;
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
