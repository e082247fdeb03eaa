using Gongkai.Core.Catalogue;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Gongkai.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Search;

/// <summary>What the public asked for: words, or an exact 索引号 or 文号, and the filters.</summary>
public sealed record SearchRequest
{
    public string? Query { get; init; }
    public int? AgencyId { get; init; }
    public int? CategoryId { get; init; }
    public Topic? Topic { get; init; }
    public DocumentKind? Kind { get; init; }
    public int? Year { get; init; }
    public Validity? Validity { get; init; }
    public int Page { get; init; } = 1;
    /// <summary>Search the words even when the query is an exact 索引号 or 文号 of a document.</summary>
    public bool FullText { get; init; }
}

/// <summary>How the results are ordered.</summary>
public enum SearchMode
{
    /// <summary>Nothing searchable in the query.</summary>
    Empty,

    /// <summary>The query is the 索引号 or 文号 of these documents.</summary>
    Exact,

    /// <summary>Title hits first, then by relevance.</summary>
    Relevance,

    /// <summary>Title hits first, then newest first.</summary>
    Newest,
}

public sealed record SearchHit(DocumentSummary Document, IReadOnlyList<TextSegment> Title, IReadOnlyList<TextSegment> Snippet, string? SnippetSource);

/// <param name="Total">How many documents match, or, when <paramref name="MoreThanTotal"/>, that more than this many do.</param>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, SearchMode Mode, int Page, bool MoreThanTotal = false)
{
    public const int PageSize = 20;

    /// <summary>Pages beyond this are not served: a reader refines the query instead.</summary>
    public const int MaxPage = 50;

    public bool HasNextPage => (Page * PageSize < Total || MoreThanTotal) && Page < MaxPage;
}

/// <summary>
/// Full-text search of the published catalogue, the same on SQLite and PostgreSQL. An exact
/// 索引号 or 文号 goes straight to its documents. Otherwise the query becomes CjkBigrams phrases
/// and title hits come first. A single word or phrase without filters is then ranked by relevance.
/// With several words or filters, the rest come newest first: ranking by relevance weighs each
/// word and filter by how many documents it matches in the whole catalogue, which for a word
/// like 部门 or a filter like a year means reading hundreds of thousands of entries, whereas the
/// few documents matching all of them are already in hand. When more than <see cref="RankAtMost"/>
/// documents match (a word as common as 通知), they are neither counted nor ranked: title hits
/// first, then newest first, read from the index only as far as the page — what a reader of so
/// broad a query wants, in a few milliseconds. Snippets and highlights are cut from the documents' own text.
/// </summary>
public sealed class CatalogueSearch(GongkaiDbContext db, StorageSettings storage, TimeProvider clock)
{
    /// <summary>The most matches counted, ordered and, for a single word, ranked by relevance (bm25 costs about 3 ms per thousand on SQLite).</summary>
    public int RankAtMost { get; internal set; } = 2_000;

    private readonly ISearchEngine engine = SearchEngines.For(db, storage);

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var page = Math.Clamp(request.Page, 1, SearchResults.MaxPage);
        var query = request.Query?.Trim() ?? "";
        if (query.Length > 100) query = query[..100];
        var phrases = CjkBigrams.Query(query);
        // A filter no document can have (the index's filter tokens hold positive numbers only) matches nothing.
        if (request.AgencyId is <= 0 || request.CategoryId is <= 0 || request.Year is <= 0)
            return new SearchResults([], 0, SearchMode.Empty, 1);
        if (!request.FullText && await ExactAsync(query, phrases, cancellationToken) is { Count: > 0 } exact)
            return new SearchResults(exact, exact.Count, SearchMode.Exact, 1);
        if (phrases.Count == 0) return new SearchResults([], 0, SearchMode.Empty, 1);

        var criteria = new SearchCriteria(phrases, request.AgencyId, request.CategoryId, request.Topic, request.Kind, request.Year,
            request.Validity, Beijing.Today(clock));
        var skip = (page - 1) * SearchResults.PageSize;
        var matches = await engine.MatchesAsync(criteria, RankAtMost + 1, cancellationToken);
        if (matches.Count > RankAtMost)
        {
            // Only whether this page starts among the title hits matters; when fewer than RankAtMost, they are all in hand.
            var titleHits = (matches.Titles ?? await engine.TitleHitsAsync(criteria, skip + 1, cancellationToken)).Count;
            var newest = skip >= titleHits ? []
                : matches.Titles is { } titles && titles.Count <= RankAtMost ? [.. titles.OrderDescending().Skip(skip).Take(SearchResults.PageSize)]
                : await engine.NewestAsync(criteria, SearchTier.Title, skip, SearchResults.PageSize, cancellationToken);
            if (newest.Count < SearchResults.PageSize)
                newest.AddRange(await engine.NewestAsync(criteria, SearchTier.NotTitle, Math.Max(0, skip - titleHits), SearchResults.PageSize - newest.Count, cancellationToken));
            return new SearchResults(await HitsAsync(newest, phrases, cancellationToken), RankAtMost, SearchMode.Newest, page, MoreThanTotal: true);
        }
        if (phrases.Count == 1 && !criteria.IsFiltered)
        {
            var ranked = await engine.RankedAsync(criteria, matches, skip, SearchResults.PageSize, cancellationToken);
            return new SearchResults(await HitsAsync(ranked, phrases, cancellationToken), matches.Count, SearchMode.Relevance, page);
        }
        List<int> ordered = [.. matches.Titles!.OrderDescending(), .. matches.Others.OrderDescending()];
        return new SearchResults(await HitsAsync([.. ordered.Skip(skip).Take(SearchResults.PageSize)], phrases, cancellationToken), matches.Count, SearchMode.Newest, page);
    }

    /// <summary>Published documents whose 索引号 or 文号 is the query, however the 文号 was written.</summary>
    private async Task<List<SearchHit>?> ExactAsync(string query, IReadOnlyList<QueryPhrase> phrases, CancellationToken cancellationToken)
    {
        var published = db.Documents.AsNoTracking().Published();
        List<int> ids;
        if (IndexNumber.TryParse(query, out var number))
        {
            var text = number.ToString();
            ids = await published.Where(d => d.IndexNumber == text).Select(d => d.Id).ToListAsync(cancellationToken);
        }
        else if (DocumentNumber.Key(query) is { } key)
            ids = await published.Where(d => d.DocumentNumberKey == key).OrderByDescending(d => d.Id).Take(SearchResults.PageSize).Select(d => d.Id).ToListAsync(cancellationToken);
        else return null;
        return await HitsAsync(ids, phrases, cancellationToken);
    }

    private async Task<List<SearchHit>> HitsAsync(List<int> ids, IReadOnlyList<QueryPhrase> phrases, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var summaries = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(DocumentSummary.Projection)
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        var bodies = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.BodyText })
            .ToDictionaryAsync(d => d.Id, d => d.BodyText, cancellationToken);
        var withoutBodyMatch = bodies.Where(b => Highlights.Find(b.Value, phrases).Count == 0).Select(b => b.Key).ToList();
        var attachments = withoutBodyMatch.Count == 0 ? [] : await db.DocumentAttachments.AsNoTracking()
            .Where(a => withoutBodyMatch.Contains(a.DocumentId) && a.Text != null)
            .OrderBy(a => a.SortOrder)
            .Select(a => new { a.DocumentId, a.Text, a.File!.FileName }).ToListAsync(cancellationToken);
        var hits = new List<SearchHit>();
        foreach (var id in ids)
        {
            if (!summaries.TryGetValue(id, out var summary)) continue;
            var source = (string?)null;
            var text = bodies[id];
            if (withoutBodyMatch.Contains(id)
                && attachments.FirstOrDefault(a => a.DocumentId == id && Highlights.Find(a.Text!, phrases).Count > 0) is { } attachment)
            {
                source = $"附件“{attachment.FileName}”";
                text = attachment.Text!;
            }
            hits.Add(new SearchHit(summary, Highlights.Mark(summary.Title, phrases), Highlights.Snippet(text, phrases), source));
        }
        return hits;
    }
}
