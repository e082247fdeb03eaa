using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;
using Gongkai.Core.Agencies;
using Gongkai.Core.Catalogue;
using Gongkai.Domain.Catalogue;
using Gongkai.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Catalogue;

/// <summary>
/// The newest published documents as RSS 2.0, Atom and JSON Feed 1.1, for the whole catalogue or
/// one agency (?agency=id), so readers, aggregators and other governments' sites can follow it.
/// </summary>
public static class Feeds
{
    private const int Size = 50;

    private sealed record Feed(string Title, string Root, string Home, string Self, IReadOnlyList<FeedItem> Items);

    public static void MapFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/feeds").CacheOutput(CatalogueWeb.FeedsPolicy).ExcludeFromDescription();
        feeds.MapGet("/rss.xml", async (HttpContext context, PublicDocuments documents, AgencyDirectory agencies, IOptions<GongkaiOptions> options, int? agency, CancellationToken cancellationToken) =>
            Results.Text(Rss(await LoadAsync(context, documents, agencies, options, agency, "rss.xml", cancellationToken)), "application/rss+xml; charset=utf-8"));
        feeds.MapGet("/atom.xml", async (HttpContext context, PublicDocuments documents, AgencyDirectory agencies, IOptions<GongkaiOptions> options, int? agency, CancellationToken cancellationToken) =>
            Results.Text(Atom(await LoadAsync(context, documents, agencies, options, agency, "atom.xml", cancellationToken)), "application/atom+xml; charset=utf-8"));
        feeds.MapGet("/feed.json", async (HttpContext context, PublicDocuments documents, AgencyDirectory agencies, IOptions<GongkaiOptions> options, int? agency, CancellationToken cancellationToken) =>
            Results.Text(Json(await LoadAsync(context, documents, agencies, options, agency, "feed.json", cancellationToken)), "application/feed+json; charset=utf-8"));
    }

    private static async Task<Feed> LoadAsync(HttpContext context, PublicDocuments documents, AgencyDirectory agencies, IOptions<GongkaiOptions> options, int? agency, string file,
        CancellationToken cancellationToken)
    {
        var site = options.Value.SiteName;
        var agencyName = agency is { } id ? await agencies.NameAsync(id, cancellationToken) : null;
        var items = await documents.NewestAsync(agencyName is null ? null : agency, Size, cancellationToken);
        var root = SiteAddress.Of(context.Request);
        var filter = agencyName is null ? "" : string.Create(CultureInfo.InvariantCulture, $"?agency={agency}");
        return new Feed(agencyName is null ? $"{site} · 主动公开" : $"{agencyName} · 主动公开", root, root + "/catalog" + filter, $"{root}/feeds/{file}{filter}", items);
    }

    private static string Rss(Feed feed) => Xml(w =>
    {
        w.WriteStartElement("rss");
        w.WriteAttributeString("version", "2.0");
        w.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
        w.WriteStartElement("channel");
        w.WriteElementString("title", feed.Title);
        w.WriteElementString("link", feed.Home);
        w.WriteElementString("description", feed.Title + "：最新主动公开的政府信息");
        w.WriteElementString("language", "zh-cn");
        if (feed.Items.Count > 0) w.WriteElementString("lastBuildDate", feed.Items[0].PublishedAt.ToString("R", CultureInfo.InvariantCulture));
        w.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
        w.WriteAttributeString("href", feed.Self);
        w.WriteAttributeString("rel", "self");
        w.WriteAttributeString("type", "application/rss+xml");
        w.WriteEndElement();
        foreach (var item in feed.Items)
        {
            var link = Link(feed, item);
            w.WriteStartElement("item");
            w.WriteElementString("title", item.Title);
            w.WriteElementString("link", link);
            w.WriteStartElement("guid");
            w.WriteAttributeString("isPermaLink", "true");
            w.WriteString(link);
            w.WriteEndElement();
            w.WriteElementString("pubDate", item.PublishedAt.ToString("R", CultureInfo.InvariantCulture));
            w.WriteElementString("category", item.Publisher);
            w.WriteElementString("description", item.Summary);
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    });

    private static string Atom(Feed feed) => Xml(w =>
    {
        const string ns = "http://www.w3.org/2005/Atom";
        w.WriteStartElement("feed", ns);
        w.WriteAttributeString("xml", "lang", null, "zh-CN");
        w.WriteElementString("id", ns, feed.Self);
        w.WriteElementString("title", ns, feed.Title);
        w.WriteElementString("updated", ns, Rfc3339(feed.Items.Count > 0 ? feed.Items[0].PublishedAt : DateTime.UnixEpoch));
        Link(w, ns, feed.Self, "self");
        Link(w, ns, feed.Home, "alternate");
        foreach (var item in feed.Items)
        {
            var link = Link(feed, item);
            w.WriteStartElement("entry", ns);
            w.WriteElementString("id", ns, link);
            w.WriteElementString("title", ns, item.Title);
            w.WriteElementString("published", ns, Rfc3339(item.PublishedAt));
            w.WriteElementString("updated", ns, Rfc3339(item.PublishedAt));
            Link(w, ns, link, "alternate");
            w.WriteStartElement("author", ns);
            w.WriteElementString("name", ns, item.Publisher);
            w.WriteEndElement();
            w.WriteElementString("summary", ns, item.Summary);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    });

    private static string Json(Feed feed) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["version"] = "https://jsonfeed.org/version/1.1",
        ["title"] = feed.Title,
        ["home_page_url"] = feed.Home,
        ["feed_url"] = feed.Self,
        ["language"] = "zh-CN",
        ["items"] = feed.Items.Select(item => new Dictionary<string, object?>
        {
            ["id"] = Link(feed, item),
            ["url"] = Link(feed, item),
            ["title"] = item.Title,
            ["content_text"] = item.Summary,
            ["date_published"] = Rfc3339(item.PublishedAt),
            ["authors"] = new[] { new Dictionary<string, string> { ["name"] = item.Publisher } },
            ["_gongkai"] = new Dictionary<string, string?> { ["index_number"] = item.IndexNumber, ["document_number"] = item.DocumentNumber },
        }).ToList(),
    }, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), WriteIndented = true });

    private static string Link(Feed feed, FeedItem item) =>
        string.Create(CultureInfo.InvariantCulture, $"{feed.Root}/documents/{item.Id}");

    private static void Link(XmlWriter w, string ns, string href, string rel)
    {
        w.WriteStartElement("link", ns);
        w.WriteAttributeString("href", href);
        w.WriteAttributeString("rel", rel);
        w.WriteEndElement();
    }

    private static string Rfc3339(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static string Xml(Action<XmlWriter> write)
    {
        var sb = new StringBuilder();
        using (var writer = XmlWriter.Create(new StringWriterUtf8(sb), new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }
        return sb.ToString();
    }

    /// <summary>So the XML declaration says UTF-8, which is what the response is.</summary>
    private sealed class StringWriterUtf8(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
