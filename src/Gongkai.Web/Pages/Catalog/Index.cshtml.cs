using Gongkai.Core.Catalogue;
using Gongkai.Domain.Catalogue;
using Gongkai.Web.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.WebUtilities;

namespace Gongkai.Web.Pages.Catalog;

/// <summary>/catalog: the 主动公开目录, newest first, by agency, its categories, 主题分类 and year.</summary>
[OutputCache(PolicyName = CatalogueWeb.CachePolicy)]
public sealed class IndexModel(CatalogueList list, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public int? Category { get; set; }
    [BindProperty(SupportsGet = true)] public Topic? Topic { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Older { get; set; }
    [BindProperty(SupportsGet = true)] public string? Newer { get; set; }

    public IReadOnlyList<(int Id, string Name)> Agencies { get; private set; } = [];
    public IReadOnlyList<CatalogueCategory> Categories { get; private set; } = [];
    public string? AgencyName { get; private set; }
    public CatalogueFacets Facets { get; private set; } = null!;
    public CataloguePage Results { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !Filters.Valid(Agency, Category, Year))
            return Filters.Refused(this);
        Today = CatalogueText.Today(clock);
        var snapshot = await list.SnapshotAsync(cancellationToken);
        Agencies = snapshot.Agencies;
        AgencyName = Agencies.FirstOrDefault(a => a.Id == Agency).Name;
        if (AgencyName is null) Agency = null;
        Categories = Agency is { } agency ? snapshot.CategoriesOf(agency) : [];
        if (!Categories.Any(c => c.Id == Category)) Category = null;
        var filter = new CatalogueFilter(Agency, Category, Topic, Year);
        CatalogueTags.Tag(HttpContext, CatalogueTags.List(filter, further: Older is not null && Newer is null));
        Facets = snapshot.Facets(filter);
        Results = await list.PageAsync(filter, Older, Newer, cancellationToken);
        return Page();
    }

    public int CountOf(int agencyId) => Facets.Agencies.FirstOrDefault(a => a.AgencyId == agencyId).Count;

    /// <summary>This list with some filters changed, back on its first page.</summary>
    public string Link(object? agency = null, object? category = null, object? topic = null, object? year = null, string? older = null, string? newer = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["agency"] = Value(agency, Agency),
            ["category"] = Value(category, Category),
            ["topic"] = Value(topic, Topic),
            ["year"] = Value(year, Year),
            ["older"] = older,
            ["newer"] = newer,
        };
        return QueryHelpers.AddQueryString("/catalog", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    /// <summary>"" clears a filter; null keeps the current one.</summary>
    private static string? Value(object? given, object? current) =>
        given is "" ? null : Convert.ToString(given ?? current, System.Globalization.CultureInfo.InvariantCulture);
}
