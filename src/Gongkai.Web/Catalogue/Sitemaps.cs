using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Core.Catalogue;
using Gongkai.Domain.Catalogue;

namespace Gongkai.Web.Catalogue;

/// <summary>
/// /sitemap.xml for search engines: an index of one sitemap of the portal's pages (home, catalogue,
/// every 公开指南) and one per block of 50,000 document ids, so a catalogue of millions stays within
/// the protocol's limits and each file is one indexed range read.
/// </summary>
public static class Sitemaps
{
    private const int Block = 50_000;
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static void MapSitemaps(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", async (HttpContext context, PublicDocuments documents, CancellationToken cancellationToken) =>
        {
            var maxId = await documents.LastIdAsync(cancellationToken);
            var root = SiteAddress.Of(context.Request);
            return Results.Text(Feeds.Xml(w =>
            {
                w.WriteStartElement("sitemapindex", Namespace);
                Entry(w, "sitemap", $"{root}/sitemaps/pages.xml", null);
                for (var block = 0; block * Block <= maxId && maxId > 0; block++)
                    Entry(w, "sitemap", string.Create(CultureInfo.InvariantCulture, $"{root}/sitemaps/documents-{block}.xml"), null);
                w.WriteEndElement();
            }), "application/xml; charset=utf-8");
        }).CacheOutput(CatalogueWeb.FeedsPolicy).ExcludeFromDescription();

        app.MapGet("/sitemaps/pages.xml", async (HttpContext context, AgencyDirectory directory, CancellationToken cancellationToken) =>
        {
            var agencies = (await directory.NamesAsync(AgencyScope.Everything, cancellationToken)).Select(a => a.Id);
            var root = SiteAddress.Of(context.Request);
            return Results.Text(Feeds.Xml(w =>
            {
                w.WriteStartElement("urlset", Namespace);
                foreach (var path in new[] { "/", "/catalog", "/guide", "/requests/new", "/reports" }) Entry(w, "url", root + path, null);
                foreach (var id in agencies) Entry(w, "url", string.Create(CultureInfo.InvariantCulture, $"{root}/guide/{id}"), null);
                w.WriteEndElement();
            }), "application/xml; charset=utf-8");
        }).CacheOutput(CatalogueWeb.FeedsPolicy).ExcludeFromDescription();

        app.MapGet("/sitemaps/documents-{block:int}.xml", async (int block, HttpContext context, PublicDocuments documents, CancellationToken cancellationToken) =>
        {
            if (block < 0) return Results.NotFound();
            var (from, to) = (block * Block, (block + 1) * Block);
            var rows = await documents.BlockAsync(from, to, cancellationToken);
            if (rows.Count == 0) return Results.NotFound();
            return Results.Text(Feeds.Xml(w =>
            {
                w.WriteStartElement("urlset", Namespace);
                foreach (var row in rows) Entry(w, "url", SiteAddress.Document(context.Request, row.Id), row.PublishedOn);
                w.WriteEndElement();
            }), "application/xml; charset=utf-8");
        }).CacheOutput(CatalogueWeb.FeedsPolicy).ExcludeFromDescription();
    }

    private static void Entry(System.Xml.XmlWriter w, string element, string location, DateOnly? modified)
    {
        w.WriteStartElement(element, Namespace);
        w.WriteElementString("loc", Namespace, location);
        if (modified is { } date) w.WriteElementString("lastmod", Namespace, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteEndElement();
    }
}
