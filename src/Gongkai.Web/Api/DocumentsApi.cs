using System.Globalization;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Search;
using Gongkai.Domain.Catalogue;
using Gongkai.Web.Catalogue;
using Gongkai.Web.Hosting;
using Gongkai.Web.Pages;
using Gongkai.Web.Pages.Catalog;
using Gongkai.Web.Pages.Documents;
using Microsoft.AspNetCore.Http.HttpResults;
using static Gongkai.Web.Api.OpenDataViews;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/documents: the 主动公开目录 as data. The list has the catalogue's filters and keyset
/// paging, newest first; a document comes with its metadata, body, attachments' links and the
/// history of its 修订 and 废止; search ranks and highlights as the portal does. Lists and documents
/// are served from the catalogue's output cache; search is not cached, like the portal's.
/// </summary>
public static class DocumentsApi
{
    public static void MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/documents").WithTags("主动公开").RequireRateLimiting(RateLimits.PublicReads)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/", async Task<Results<Ok<Page<DocumentItem>>, ProblemHttpResult>> (int? agency, int? category, Topic? topic, int? year,
            Validity? validity, bool? normative, string? cursor, CatalogueList list, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            if (!Filters.Valid(agency, category, year) || (cursor is not null && !ValidCursor(cursor)))
                return ApiProblems.Of(StatusCodes.Status400BadRequest, Filters.Invalid);
            var page = await list.PageAsync(new CatalogueFilter(agency, category, topic, year, validity, normative), cursor, null, cancellationToken);
            var today = CatalogueText.Today(clock);
            return TypedResults.Ok(new Page<DocumentItem>([.. page.Items.Select(d => Item(d, today))], page.Older));
        }).CacheOutput(CatalogueWeb.CachePolicy).WithName("ListDocuments")
          .WithSummary("主动公开目录：按机关、目录分类、主题分类、年度、有效性、是否规范性文件筛选，按发布时间从新到旧；cursor 为上一页返回的 next");

        api.MapGet("/{id:int}", async Task<Results<Ok<DocumentDetail>, ProblemHttpResult>> (int id, PublicDocuments documents, TimeProvider clock,
            CancellationToken cancellationToken) =>
        {
            var view = await documents.FindAsync(id, CatalogueText.Today(clock), cancellationToken);
            if (view is null) return ApiProblems.Of(StatusCodes.Status404NotFound, "该政府信息不存在。");
            if (view.IsWithdrawn) return ApiProblems.Of(StatusCodes.Status410Gone, $"索引号为 {view.Document.IndexNumber} 的政府信息已撤回，不再公开。");
            return TypedResults.Ok(Detail(view));
        }).CacheOutput(CatalogueWeb.CachePolicy).WithName("GetDocument")
          .WithSummary("一条政府信息：索引号、文号、发布机构、成文和发布日期、有效性及修订废止情况、正文和附件").ProducesProblem(StatusCodes.Status404NotFound)
          .ProducesProblem(StatusCodes.Status410Gone);

        api.MapGet("/search", async Task<Results<Ok<SearchPage>, ProblemHttpResult>> (string? q, int? agency, int? category, Topic? topic, DocumentKind? kind,
            int? year, Validity? validity, string? cursor, CatalogueSearch search, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var page = 1;
            if (!Filters.Valid(agency, category, year)
                || (cursor is not null && (!int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 2 or > SearchResults.MaxPage)))
                return ApiProblems.Of(StatusCodes.Status400BadRequest, Filters.Invalid);
            if (string.IsNullOrWhiteSpace(q)) return ApiProblems.Of(StatusCodes.Status400BadRequest, "请提供检索词（q）。");
            var results = await search.SearchAsync(new SearchRequest
            {
                Query = q, AgencyId = agency, CategoryId = category, Topic = topic, Kind = kind, Year = year, Validity = validity, Page = page,
            }, cancellationToken);
            var today = CatalogueText.Today(clock);
            return TypedResults.Ok(new SearchPage(q.Trim(), results.Mode.ToString(), results.Total, results.MoreThanTotal,
                [.. results.Hits.Select(h => new SearchItem(Item(h.Document, today), Segments(h.Title), Segments(h.Snippet), h.SnippetSource))],
                results.HasNextPage ? (results.Page + 1).ToString(CultureInfo.InvariantCulture) : null));
        }).WithName("SearchDocuments")
          .WithSummary("全文检索：与门户网站相同的排序（标题命中在前）和高亮；索引号或文号直接定位；cursor 为下一页页码");
    }

    private static bool ValidCursor(string cursor)
    {
        var dash = cursor.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && long.TryParse(cursor.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && int.TryParse(cursor.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }

    private static DocumentDetail Detail(PublicDocument view)
    {
        var d = view.Document;
        DocumentLink Link(int id, string? indexNumber, string title) => new(id, indexNumber, title, DocumentUrl(id));
        var history = new List<ValidityEvent>();
        if (d.Replaces is { } replaced) history.Add(new ValidityEvent("revises", "修订", d.PublishedOn, $"替代《{replaced.Title}》", Link(replaced.Id, replaced.IndexNumber, replaced.Title)));
        foreach (var r in view.ReplacedBy)
            history.Add(new ValidityEvent("revisedBy", "被修订", r.PublishedOn, $"被《{r.Title}》替代", Link(r.Id, r.IndexNumber, r.Title)));
        if (d.ValidUntil is { } until) history.Add(new ValidityEvent("expires", until < view.Today ? "已失效" : "有效期至", until, d.RepealedOn is null ? d.ValidityNote : null, null));
        if (d.RepealedOn is { } repealed) history.Add(new ValidityEvent("repealed", "废止", repealed, d.ValidityNote, null));
        var summary = new DocumentSummary(d.Id, d.Title, d.IndexNumber, d.DocumentNumber, d.Publisher, d.Kind, d.Topic, d.Category?.Name, d.IssuedOn,
            d.PublishedOn, d.PublishedAt, d.ValidUntil, d.RepealedOn);
        return new DocumentDetail(Item(summary, view.Today), d.AgencyId, view.AgencyName, d.Keywords, d.ValidityNote, d.BodyText, d.BodyHtml,
            [.. d.Attachments.OrderBy(a => a.SortOrder).Select(a => new AttachmentLink(a.File!.FileName,
                string.Create(CultureInfo.InvariantCulture, $"/documents/{d.Id}/files/{a.Id}"), a.File.ContentType, a.File.Length, a.File.Sha256))],
            d.Interprets is { } target ? Link(target.Id, target.IndexNumber, target.Title) : null,
            [.. view.Interpretations.Select(i => Link(i.Id, i.IndexNumber, i.Title))],
            [.. history.OrderBy(h => h.Date)]);
    }
}
