using Gongkai.Core.Catalogue;
using Gongkai.Web.Catalogue;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Gongkai.Web.Pages.Staff.Documents;

/// <summary>/staff/documents: the agencies' documents by status, pending ones with their Article 26 deadline.</summary>
public sealed class IndexModel(StaffDocuments documents, CurrentUser me) : PageModel
{
    public static readonly (StaffView View, string Label)[] Views =
    [
        (StaffView.Pending, "待办"), (StaffView.Overdue, "已超期"), (StaffView.Draft, "草稿"), (StaffView.InReview, "待保密审查"),
        (StaffView.Approved, "待发布"), (StaffView.Published, "已发布"), (StaffView.Withdrawn, "已撤回"), (StaffView.Discarded, "已作废"),
    ];

    [BindProperty(SupportsGet = true)] public StaffView View { get; set; } = StaffView.Pending;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public StaffDocumentList List { get; private set; } = null!;
    public CatalogueUser Staff { get; private set; } = null!;
    public bool SeveralAgencies => Staff.Scope.IsEverything || Staff.Roles.Contains(Core.Accounts.Roles.Supervisor);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Staff = await me.CatalogueUserAsync(cancellationToken);
        PageNumber = Math.Max(1, PageNumber);
        List = await documents.ListAsync(Staff, View, Q, PageNumber, cancellationToken);
    }

    /// <summary>A tab (without the search text) or, with <paramref name="keepQuery"/>, another page of this list.</summary>
    public string Link(StaffView view, int page = 1, bool keepQuery = false)
    {
        var query = new Dictionary<string, string?>
        {
            ["view"] = view.ToString(),
            ["q"] = keepQuery ? Q : null,
            ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString("/staff/documents", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
