using Gongkai.Core.Agencies;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Search;
using Gongkai.Domain.Catalogue;
using Gongkai.Web.Pages.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Gongkai.Web.Pages.Search;

/// <summary>/search?q=: the catalogue's full text (or an exact 索引号 / 文号) with filters, and the agencies whose name or guide matches.</summary>
public sealed class IndexModel(AgencyDirectory agencies, CatalogueCategories categories, CatalogueSearch search, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public int? Category { get; set; }
    [BindProperty(SupportsGet = true)] public DocumentKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public Validity? Validity { get; set; }
    [BindProperty(SupportsGet = true)] public bool FullText { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<(int Id, string Name)> Agencies { get; private set; } = [];
    public IReadOnlyList<CatalogueCategory> Categories { get; private set; } = [];
    public SearchResults? Results { get; private set; }
    public IReadOnlyList<Core.Agencies.Agency> MatchingAgencies { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Not ModelState: the route value "page" (the page's name) never binds to PageNumber and would always be an error.
        if (!Filters.Valid(Agency, Category, Year, PageNumber))
            return Filters.Refused(this);
        Today = CatalogueText.Today(clock);
        Agencies = await agencies.NamesAsync(AgencyScope.Everything, cancellationToken);
        Categories = Agency is { } agency ? await categories.ListAsync(agency, cancellationToken) : [];
        Q = Q?.Trim();
        if (string.IsNullOrEmpty(Q)) return Page();
        if (Q.Length > 100) Q = Q[..100];
        Results = await search.SearchAsync(new SearchRequest
        {
            Query = Q, AgencyId = Agency, CategoryId = Categories.Any(c => c.Id == Category) ? Category : null, Kind = Kind, Year = Year,
            Validity = Validity, Page = PageNumber, FullText = FullText,
        }, cancellationToken);
        MatchingAgencies = await agencies.MentioningAsync(Q, 20, cancellationToken);
        return Page();
    }

    public string Link(int? page = null, bool? fullText = null)
    {
        var query = Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query["page"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (fullText is { } f) query["fulltext"] = f ? "true" : null;
        return QueryHelpers.AddQueryString("/search", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
