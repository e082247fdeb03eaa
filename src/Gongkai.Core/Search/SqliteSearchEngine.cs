using System.Globalization;
using System.Text;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Gongkai.Domain.Search;

namespace Gongkai.Core.Search;

/// <summary>
/// FTS5 over the token text (see migration 0003). A query is one MATCH expression: the phrases
/// AND the filters' facet tokens (which no phrase can match, so no column filter is needed);
/// ranking is bm25 with the title weighted highest. Title hits are looked up in a second, small
/// index of titles alone: a column filter on the full index reads every position of the words'
/// whole lists, which for a phrase common in bodies but rare in titles means most of the catalogue.
/// Only validity needs the documents table.
/// </summary>
internal sealed class SqliteSearchEngine(GongkaiDbContext db) : ISearchEngine
{
    private const string Rank = "bm25(search_index, 10.0, 5.0, 1.0, 0.5, 0.0)";

    public async Task WriteAsync(int documentId, SearchFields fields, CancellationToken cancellationToken)
    {
        await DeleteAsync(documentId, cancellationToken);
        await Sql.ExecuteAsync(db,
            """
            INSERT INTO search_index (rowid, title, reference, body, attachments, facets) VALUES (@id, @title, @reference, @body, @attachments, @facets);
            INSERT INTO search_index_titles (rowid, title, facets) VALUES (@id, @title, @facets);
            """,
            [("@id", documentId), ("@title", fields.Title), ("@reference", fields.Reference), ("@body", fields.Body),
             ("@attachments", fields.Attachments), ("@facets", fields.Filters.FacetTokens())],
            cancellationToken);
    }

    public Task DeleteAsync(int documentId, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(db, "DELETE FROM search_index WHERE rowid = @id; DELETE FROM search_index_titles WHERE rowid = @id;", [("@id", documentId)],
            cancellationToken);

    /// <summary>All matches from the full index; the title hits from the titles' index only when all matches are in hand.</summary>
    public async Task<SearchMatches> MatchesAsync(SearchCriteria criteria, int atMost, CancellationToken cancellationToken)
    {
        var all = await IdsAsync(criteria, null, atMost, cancellationToken);
        if (all.Count == atMost) return new SearchMatches(null, all);
        var titles = await TitleHitsAsync(criteria, atMost, cancellationToken);
        return new SearchMatches(titles, [.. all.Except(titles)]);
    }

    public Task<List<int>> TitleHitsAsync(SearchCriteria criteria, int atMost, CancellationToken cancellationToken) =>
        IdsAsync(criteria, SearchTier.Title, atMost, cancellationToken);

    /// <summary>Up to <paramref name="atMost"/> documents of a tier, or of all matches when <paramref name="tier"/> is null.</summary>
    private Task<List<int>> IdsAsync(SearchCriteria criteria, SearchTier? tier, int atMost, CancellationToken cancellationToken)
    {
        var table = Table(tier);
        return Sql.IdsAsync(db, $"SELECT {table}.rowid FROM {table}{Join(criteria, table)} WHERE {table} MATCH @match LIMIT @atMost",
            [.. Parameters(criteria, Match(criteria, tier)), ("@atMost", atMost)], cancellationToken);
    }

    public Task<List<int>> RankedAsync(SearchCriteria criteria, SearchMatches matches, int skip, int take, CancellationToken cancellationToken) =>
        Sql.IdsAsync(db,
            $"""
            SELECT search_index.rowid FROM search_index{Join(criteria, "search_index")} WHERE search_index MATCH @match
            ORDER BY search_index.rowid IN (SELECT rowid FROM search_index_titles WHERE search_index_titles MATCH @title) DESC, {Rank}, search_index.rowid DESC
            LIMIT @take OFFSET @skip
            """,
            [.. Parameters(criteria, Match(criteria, null)), ("@title", Match(criteria, SearchTier.Title)), ("@take", take), ("@skip", skip)],
            cancellationToken);

    public Task<List<int>> NewestAsync(SearchCriteria criteria, SearchTier tier, int skip, int take, CancellationToken cancellationToken)
    {
        var table = Table(tier);
        return Sql.IdsAsync(db,
            $"SELECT {table}.rowid FROM {table}{Join(criteria, table)} WHERE {table} MATCH @match ORDER BY {table}.rowid DESC LIMIT @take OFFSET @skip",
            [.. Parameters(criteria, Match(criteria, tier)), ("@take", take), ("@skip", skip)],
            cancellationToken);
    }

    private static string Table(SearchTier? tier) => tier == SearchTier.Title ? "search_index_titles" : "search_index";

    /// <summary>
    /// The FTS5 expression: "住房 房公" AND "2023", AND the facet tokens. The title tier asks the
    /// titles' index; the tier outside the title asks the full index for hits NOT in its title column
    /// (read row by row, newest first, so only as far as the page); no tier, all matches.
    /// </summary>
    internal static string Match(SearchCriteria criteria, SearchTier? tier)
    {
        var phrases = string.Join(" AND ", criteria.Phrases.Select(Phrase));
        var text = tier == SearchTier.NotTitle ? $"({phrases}) NOT ({{title}} : ({phrases}))" : $"({phrases})";
        var facets = SearchFilters.Tokens(criteria.AgencyId, criteria.CategoryId, criteria.Topic, criteria.Kind, criteria.Year).ToList();
        return facets.Count == 0 ? text : $"({text}) AND facets : ({string.Join(" AND ", facets)})";
    }

    /// <summary>Tokens are letters, digits and CJK only (CjkBigrams), so quoting them is always safe.</summary>
    private static string Phrase(QueryPhrase phrase)
    {
        var sb = new StringBuilder("\"").AppendJoin(' ', phrase.Tokens).Append('"');
        if (phrase.IsPrefix) sb.Append('*');
        return sb.ToString();
    }

    private static string Join(SearchCriteria criteria, string table) => criteria.Validity is not { } validity ? "" : validity switch
    {
        Validity.Valid => $" JOIN documents d ON d.id = {table}.rowid AND (d.repealed_on IS NULL OR d.repealed_on > @today) AND (d.valid_until IS NULL OR d.valid_until >= @today)",
        Validity.Expired => $" JOIN documents d ON d.id = {table}.rowid AND (d.repealed_on IS NULL OR d.repealed_on > @today) AND d.valid_until < @today",
        Validity.Repealed => $" JOIN documents d ON d.id = {table}.rowid AND d.repealed_on <= @today",
    };

    private static List<(string, object?)> Parameters(SearchCriteria criteria, string match)
    {
        var parameters = new List<(string, object?)> { ("@match", match) };
        if (criteria.Validity is not null) parameters.Add(("@today", criteria.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return parameters;
    }
}
