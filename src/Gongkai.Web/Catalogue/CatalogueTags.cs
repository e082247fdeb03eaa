using Gongkai.Core.Catalogue;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Catalogue;

/// <summary>
/// The output cache's tags of catalogue pages, so a change evicts only what it touches. A list
/// page is tagged with its widest filter — its agency (a category is always within one), else its
/// 主题分类, else its year, else "all" — and whether it is the head of its list or a page further
/// on (reached with an "older" cursor). A publication is the newest document: it changes the head
/// of every list it matches and no page further on; a withdrawal or a validity change can touch any
/// page of those lists. Either changes the document's page, the pages of the documents it
/// interprets or replaces, the feeds and the sitemaps. A list page of another agency, 主题分类 or
/// year keeps its cached copy: only its facet counts lag, for the minute an entry lives.
/// </summary>
public static class CatalogueTags
{
    public const string All = "catalogue";
    public const string Feeds = "catalogue:feeds";

    public static string List(CatalogueFilter filter, bool further) => "catalogue:" + (further ? "further:" : "head:") + Scope(filter);

    public static string Document(int id) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"catalogue:document:{id}");

    /// <summary>The tags to evict for a change.</summary>
    public static IEnumerable<string> Touched(CatalogueChange change)
    {
        if (change.Whole)
        {
            yield return All;
            yield return Feeds;
            yield break;
        }
        CatalogueFilter[] lists =
        [
            new(AgencyId: change.AgencyId), new(Topic: change.Topic), new(Year: change.Year), new(),
        ];
        foreach (var list in lists)
        {
            yield return List(list, further: false);
            if (change.AnywhereInLists) yield return List(list, further: true);
        }
        yield return Document(change.DocumentId);
        foreach (var related in change.RelatedDocuments)
            yield return Document(related);
        yield return Feeds;
    }

    /// <summary>Adds a tag to the response being cached (nothing when the output cache is not in the way).</summary>
    public static void Tag(HttpContext context, string tag) =>
        context.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(tag);

    private static string Scope(CatalogueFilter filter) => filter switch
    {
        { AgencyId: { } agency } => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"agency:{agency}"),
        { Topic: { } topic } => "topic:" + topic,
        { Year: { } year } => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"year:{year}"),
        _ => "all",
    };
}
