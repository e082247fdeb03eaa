using Gongkai.Domain.Catalogue;
using Gongkai.Domain.Search;

namespace Gongkai.Core.Search;

/// <summary>A full-text query as the engines take it: the query's phrases, the filters, and today for validity.</summary>
internal sealed record SearchCriteria(IReadOnlyList<QueryPhrase> Phrases, int? AgencyId, int? CategoryId, Topic? Topic, DocumentKind? Kind,
    int? Year, Validity? Validity, DateOnly Today)
{
    public bool IsFiltered => AgencyId is not null || CategoryId is not null || Topic is not null || Kind is not null || Year is not null || Validity is not null;
}

/// <summary>Which documents of a query a listing takes: only title hits, or only hits outside the title.</summary>
internal enum SearchTier
{
    Title,
    NotTitle,
}

/// <summary>
/// Documents matching a query, as far as a given number: those with the words in their title, and
/// the others. When fewer than that number match, these are all of them. When more do, an engine
/// that would need a read of its own to find the title hits leaves them uncounted (null).
/// </summary>
internal sealed record SearchMatches(List<int>? Titles, List<int> Others)
{
    public int Count => (Titles?.Count ?? 0) + Others.Count;
}

/// <summary>
/// One search, two databases: SQLite's FTS5 and PostgreSQL's tsvector hold the same token text
/// and answer the same questions, so <see cref="CatalogueSearch"/> ranks and pages the same way on each.
/// </summary>
internal interface ISearchEngine
{
    Task WriteAsync(int documentId, SearchFields fields, CancellationToken cancellationToken);
    Task DeleteAsync(int documentId, CancellationToken cancellationToken);
    /// <summary>Up to <paramref name="atMost"/> matches, in no particular order: reading a common word's whole list costs time nobody needs.</summary>
    Task<SearchMatches> MatchesAsync(SearchCriteria criteria, int atMost, CancellationToken cancellationToken);
    /// <summary>Up to <paramref name="atMost"/> title hits, in no particular order.</summary>
    Task<List<int>> TitleHitsAsync(SearchCriteria criteria, int atMost, CancellationToken cancellationToken);
    /// <summary>These matches (all of the query's), title hits first, then by relevance (bm25 / ts_rank).</summary>
    Task<List<int>> RankedAsync(SearchCriteria criteria, SearchMatches matches, int skip, int take, CancellationToken cancellationToken);
    /// <summary>Newest first (by document id), reading only as far as the page.</summary>
    Task<List<int>> NewestAsync(SearchCriteria criteria, SearchTier tier, int skip, int take, CancellationToken cancellationToken);
}
