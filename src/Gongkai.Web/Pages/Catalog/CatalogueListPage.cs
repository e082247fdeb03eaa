using System.Globalization;
using System.Text.Encodings.Web;
using Gongkai.Core.Catalogue;
using Gongkai.Domain.Catalogue;
using Gongkai.Web.Catalogue;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Gongkai.Web.Pages.Catalog;

/// <summary>
/// /catalog: the 主动公开目录, newest first, by agency, its categories, 主题分类 and year. The busiest
/// public page, so it is written straight to the response as UTF-8 (<see cref="HtmlWriter"/>) inside
/// the shared <see cref="SiteLayout"/>, from the list rows and counts held in memory, without Razor:
/// a page rendered on every request then costs a few times what the output cache's copy does, not
/// tens of times (docs/decisions/0033).
/// </summary>
public static class CatalogueListPage
{
    public const string Path = "/catalog";

    public static void MapCatalogueList(this WebApplication app) =>
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Head], RenderAsync).CacheOutput(CatalogueWeb.CachePolicy).ExcludeFromDescription();

    /// <summary>What the reader asked for: the filters and the cursor, each as the list's own links write it.</summary>
    private sealed record Request(int? Agency, int? Category, Topic? Topic, int? Year, string? Older, string? Newer)
    {
        /// <summary>Null when a value is not a number, a known 主题分类 or a plausible year (answered 400).</summary>
        public static Request? From(IQueryCollection query)
        {
            if (!Number(query["agency"], out var agency) || !Number(query["category"], out var category) || !Number(query["year"], out var year)) return null;
            Topic? topic = null;
            if (First(query["topic"]) is { } name)
            {
                if (!Enum.TryParse<Topic>(name, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)) return null;
                topic = parsed;
            }
            return Filters.Valid(agency, category, year) ? new Request(agency, category, topic, year, First(query["older"]), First(query["newer"])) : null;
        }

        private static string? First(StringValues values) => values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0]!.Trim() : null;

        private static bool Number(StringValues values, out int? number)
        {
            number = null;
            if (First(values) is not { } text) return true;
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return false;
            number = n;
            return true;
        }
    }

    private static async Task RenderAsync(HttpContext context, CatalogueList list, TimeProvider clock, HtmlEncoder encoder)
    {
        if (Request.From(context.Request.Query) is not { } asked)
        {
            Filters.Refuse(context);
            return;
        }
        var cancellationToken = context.RequestAborted;
        var snapshot = await list.SnapshotAsync(cancellationToken);
        var agencyName = asked.Agency is { } a ? snapshot.Agencies.FirstOrDefault(x => x.Id == a).Name : null;
        var agency = agencyName is null ? null : asked.Agency;
        var categories = agency is { } id ? snapshot.CategoriesOf(id) : [];
        var category = categories.Any(c => c.Id == asked.Category) ? asked.Category : null;
        var filter = new CatalogueFilter(agency, category, asked.Topic, asked.Year);
        CatalogueTags.Tag(context, CatalogueTags.List(filter, further: asked.Older is not null && asked.Newer is null));
        var page = new Page(filter, agencyName, categories, snapshot.Facets(filter), await list.PageAsync(filter, asked.Older, asked.Newer, cancellationToken),
            CatalogueText.Today(clock));

        using var buffer = new PooledBufferWriter();
        var w = new HtmlWriter(buffer, encoder);
        var layout = LayoutView.For(context, page.Title);
        SiteLayout.Head(w, layout);
        SiteLayout.Top(w, layout);
        page.Write(w, snapshot.Agencies);
        SiteLayout.Bottom(w);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = buffer.WrittenMemory.Length;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken);
    }

    private sealed record Page(CatalogueFilter Filter, string? AgencyName, IReadOnlyList<CatalogueCategory> Categories, CatalogueFacets Facets,
        CataloguePage Results, DateOnly Today)
    {
        public string Title => AgencyName is null ? "主动公开目录" : AgencyName + "主动公开目录";

        public void Write(HtmlWriter w, IReadOnlyList<(int Id, string Name)> agencies)
        {
            w.Raw("        <h1>"u8);
            w.Text(Title);
            w.Raw("</h1>\n<p>行政机关依照《中华人民共和国政府信息公开条例》第十九条、第二十条主动公开的政府信息。每条信息附索引号、发布机构、文号和发布日期，可按机关、目录分类、主题分类和年份浏览，也可以<a href=\"/search\">全文搜索</a>。</p>\n"u8);
            if (AgencyName is not null)
            {
                w.Raw("<p class=\"muted\">"u8);
                w.Text(AgencyName);
                w.Raw("：<a href=\"/guide/"u8);
                w.Number(Filter.AgencyId!.Value);
                w.Raw("\">政府信息公开指南</a> · <a href=\"/requests/new?agency="u8);
                w.Number(Filter.AgencyId!.Value);
                w.Raw("\">申请公开政府信息</a></p>\n"u8);
            }
            WriteFilters(w, agencies);
            w.Raw("\n<h2 id=\"list\">已公开的政府信息 <span class=\"muted count\">共 "u8);
            w.Number(Facets.Total, "N0");
            w.Raw(" 条</span></h2>\n"u8);
            WriteList(w);
            w.Raw("<nav class=\"pager\" aria-label=\"翻页\">\n"u8);
            if (Results.Newer is not null)
            {
                PagerLink(w, Link(newer: Results.Newer), " rel=\"prev\">上一页</a>\n"u8);
                PagerLink(w, Link(), ">第一页</a>\n"u8);
            }
            if (Results.Older is not null) PagerLink(w, Link(older: Results.Older), " rel=\"next\">下一页</a>\n"u8);
            w.Raw("</nav>\n<p class=\"muted feeds\">订阅："u8);
            var feedQuery = Filter.AgencyId is { } id ? "?agency=" + id.ToString(CultureInfo.InvariantCulture) : "";
            w.Raw("<a href=\"/feeds/rss.xml"u8);
            w.Raw(feedQuery);
            w.Raw("\">RSS</a> · <a href=\"/feeds/atom.xml"u8);
            w.Raw(feedQuery);
            w.Raw("\">Atom</a> · <a href=\"/feeds/feed.json"u8);
            w.Raw(feedQuery);
            w.Raw("\">JSON Feed</a></p>\n"u8);
        }

        private void WriteFilters(HtmlWriter w, IReadOnlyList<(int Id, string Name)> agencies)
        {
            w.Raw("<form method=\"get\" action=\"/catalog\" class=\"filters\">\n    <div class=\"field\">\n        <label for=\"agency\">发布机关</label>\n        <select id=\"agency\" name=\"agency\">\n            <option value=\"\">全部机关</option>\n"u8);
            foreach (var (id, name) in agencies)
                Option(w, id.ToString(CultureInfo.InvariantCulture), id == Filter.AgencyId, name, Facets.CountOfAgency(id));
            w.Raw("        </select>\n    </div>\n"u8);
            if (Categories.Count > 0)
            {
                w.Raw("    <div class=\"field\">\n        <label for=\"category\">目录分类</label>\n        <select id=\"category\" name=\"category\">\n            <option value=\"\">全部分类</option>\n"u8);
                foreach (var c in Categories)
                    Option(w, c.Id.ToString(CultureInfo.InvariantCulture), c.Id == Filter.CategoryId, c.Name, Facets.CountOfCategory(c.Id));
                w.Raw("        </select>\n    </div>\n"u8);
            }
            w.Raw("    <div class=\"field\">\n        <label for=\"topic\">主题分类</label>\n        <select id=\"topic\" name=\"topic\">\n            <option value=\"\">全部主题</option>\n"u8);
            foreach (var (topic, n) in Facets.Topics)
                Option(w, topic.ToString(), topic == Filter.Topic, topic.Label(), n);
            w.Raw("        </select>\n    </div>\n    <div class=\"field\">\n        <label for=\"year\">发布年份</label>\n        <select id=\"year\" name=\"year\">\n            <option value=\"\">全部年份</option>\n"u8);
            foreach (var (year, n) in Facets.Years)
                Option(w, year.ToString(CultureInfo.InvariantCulture), year == Filter.Year, year.ToString(CultureInfo.InvariantCulture) + "年", n);
            w.Raw("        </select>\n    </div>\n    <div class=\"actions\"><button type=\"submit\" class=\"secondary\">筛选</button>"u8);
            if (Filter.AgencyId is not null || Filter.Topic is not null || Filter.Year is not null) w.Raw(" <a href=\"/catalog\">清除筛选</a>"u8);
            w.Raw("</div>\n</form>\n"u8);
        }

        private static void Option(HtmlWriter w, string value, bool selected, string label, int count)
        {
            w.Raw("            <option value=\""u8);
            w.Text(value);
            w.Raw(selected ? "\" selected=\"selected\">"u8 : "\">"u8);
            w.Text(label);
            w.Raw("（"u8);
            w.Number(count, "N0");
            w.Raw("）</option>\n"u8);
        }

        private void WriteList(HtmlWriter w)
        {
            if (Results.Items.Count == 0)
            {
                w.Raw("<p class=\"empty\">暂无已发布的政府信息。</p>\n"u8);
                return;
            }
            // 文号 only when some document of the page has one: an office's notices often have none.
            var numbered = Results.Items.Any(d => d.DocumentNumber is not null);
            w.Raw("<div class=\"table-scroll\" tabindex=\"0\">\n    <table class=\"catalogue stack-on-phone\">\n        <thead><tr><th scope=\"col\">标题</th><th scope=\"col\">索引号</th><th scope=\"col\">发布机构</th>"u8);
            if (numbered) w.Raw("<th scope=\"col\">文号</th>"u8);
            w.Raw("<th scope=\"col\">发布日期</th></tr></thead>\n        <tbody>\n"u8);
            foreach (var d in Results.Items)
            {
                var validity = d.ValidityOn(Today);
                w.Raw("            <tr>\n                <td data-label=\"标题\">\n                    <a href=\"/documents/"u8);
                w.Number(d.Id);
                w.Raw("\">"u8);
                w.Text(d.Title);
                w.Raw("</a>\n"u8);
                if (d.Kind != DocumentKind.Ordinary)
                {
                    w.Raw("                    <span class=\"tag\">"u8);
                    w.Text(d.Kind.Label());
                    w.Raw("</span>\n"u8);
                }
                if (validity != Validity.Valid)
                {
                    w.Raw("                    <span class=\"tag tag-warning\">"u8);
                    w.Text(Validities.Label(validity));
                    w.Raw("</span>\n"u8);
                }
                w.Raw("                </td>\n                <td class=\"nowrap\" data-label=\"索引号\">"u8);
                w.Text(d.IndexNumber);
                w.Raw("</td>\n                <td data-label=\"发布机构\">"u8);
                w.Text(d.Publisher);
                w.Raw("</td>\n"u8);
                if (numbered)
                {
                    w.Raw("                <td data-label=\"文号\">"u8);
                    w.Text(d.DocumentNumber);
                    w.Raw("</td>\n"u8);
                }
                w.Raw("                <td class=\"nowrap\" data-label=\"发布日期\">"u8);
                w.Raw(CatalogueText.Date(d.PublishedOn));
                w.Raw("</td>\n            </tr>\n"u8);
            }
            w.Raw("        </tbody>\n    </table>\n</div>\n"u8);
        }

        private static void PagerLink(HtmlWriter w, string href, ReadOnlySpan<byte> rest)
        {
            w.Raw("    <a href=\""u8);
            w.Text(href);
            w.Raw("#list\""u8);
            w.Raw(rest);
        }

        /// <summary>This list at another page (by a cursor), or at its first page.</summary>
        private string Link(string? older = null, string? newer = null)
        {
            var query = new Dictionary<string, string?>
            {
                ["agency"] = Filter.AgencyId?.ToString(CultureInfo.InvariantCulture),
                ["category"] = Filter.CategoryId?.ToString(CultureInfo.InvariantCulture),
                ["topic"] = Filter.Topic?.ToString(),
                ["year"] = Filter.Year?.ToString(CultureInfo.InvariantCulture),
                ["older"] = older,
                ["newer"] = newer,
            };
            return QueryHelpers.AddQueryString(Path, query.Where(q => !string.IsNullOrEmpty(q.Value)));
        }
    }
}
