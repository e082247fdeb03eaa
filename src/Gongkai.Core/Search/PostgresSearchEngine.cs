using System.Globalization;
using System.Text;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Gongkai.Domain.Search;

namespace Gongkai.Core.Search;

/// <summary>
/// A tsvector per document built here from the token text, with positions and weights (title A,
/// reference B, body C, attachments D) and cast, so no text-search parser or locale decides what a
/// word is; queries are tsquery literals with &lt;-&gt; for phrases, ranked by ts_rank. Title matches
/// are looked up in title_tsv (the title's lexemes, kept by the database: migration 0013), which has
/// its own index as SQLite's search_index_titles has. The filters other than validity are lexemes of
/// a facets column, indexed beside the words in both indexes (migration 0015), as SQLite's facets
/// column is. PostgreSQL keeps positions up to 16,383 per document: past that, two-character words
/// are still found, longer phrases only in the first 16,383 tokens.
/// <para>
/// GIN keeps no positions, so an index scan for a phrase returns every document holding all its
/// tokens and PostgreSQL then reads each one's whole tsvector (several kilobytes, out of line) to
/// check the order: a second for a theme found in 7,000 documents. So the indexes are asked for the
/// tokens alone (<c>&amp;</c>, which they answer exactly), and the phrase is confirmed afterwards,
/// document by document and only as far as the answer needs: first against the small title_tsv
/// kept in the row (a title hit is a hit), then against the whole tsvector. See docs/decisions/0030.
/// </para>
/// </summary>
internal sealed class PostgresSearchEngine(GongkaiDbContext db) : ISearchEngine
{
    /// <summary>
    /// How many of the newest documents a newest-first page tests one by one before turning to the
    /// index. Testing a title in passing costs a fraction of fetching a document through the index,
    /// and the title tier is asked for only when it holds more than 2,000 documents (fewer are all
    /// in hand already), so its page is nearly always among the newest 12,000. Outside the title
    /// each document's whole tsvector is read either way, so the walk is short.
    /// </summary>
    private static int WalkAtLeast(SearchTier tier) => tier == SearchTier.Title ? 12_000 : 2_000;

    public Task WriteAsync(int documentId, SearchFields fields, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(db,
            """
            INSERT INTO search_index (document_id, tsv, facets) VALUES (@id, CAST(@tsv AS tsvector), CAST(@facets AS tsvector))
            ON CONFLICT (document_id) DO UPDATE SET tsv = excluded.tsv, facets = excluded.facets
            """,
            [("@id", documentId), ("@tsv", Vector(fields)), ("@facets", Facets(fields.Filters))],
            cancellationToken);

    public Task DeleteAsync(int documentId, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(db, "DELETE FROM search_index WHERE document_id = @id", [("@id", documentId)], cancellationToken);

    /// <summary>The title hits first: they cost no reading of the whole tsvector, and often there are enough of them.</summary>
    public async Task<SearchMatches> MatchesAsync(SearchCriteria criteria, int atMost, CancellationToken cancellationToken)
    {
        var titles = await TitleHitsAsync(criteria, atMost, cancellationToken);
        return new SearchMatches(titles, titles.Count < atMost ? await IdsAsync(criteria, SearchTier.NotTitle, atMost - titles.Count, cancellationToken) : []);
    }

    public Task<List<int>> TitleHitsAsync(SearchCriteria criteria, int atMost, CancellationToken cancellationToken) =>
        IdsAsync(criteria, SearchTier.Title, atMost, cancellationToken);

    private Task<List<int>> IdsAsync(SearchCriteria criteria, SearchTier tier, int atMost, CancellationToken cancellationToken)
    {
        var query = new PostgresQuery(criteria);
        return Sql.IdsAsync(db, $"SELECT s.document_id FROM search_index s{query.Join} WHERE {query.Indexed(tier)} LIMIT @atMost",
            [.. query.Parameters, ("@atMost", atMost)], cancellationToken);
    }

    /// <summary>Ranks the matches already found, by id: the indexes and the phrases need not be asked again.</summary>
    public Task<List<int>> RankedAsync(SearchCriteria criteria, SearchMatches matches, int skip, int take, CancellationToken cancellationToken) =>
        Sql.IdsAsync(db,
            """
            SELECT document_id FROM search_index WHERE document_id = ANY(@titles) OR document_id = ANY(@others)
            ORDER BY document_id = ANY(@titles) DESC, ts_rank(tsv, CAST(@query AS tsquery)) DESC, document_id DESC
            LIMIT @take OFFSET @skip
            """,
            [("@titles", matches.Titles!.ToArray()), ("@others", matches.Others.ToArray()), ("@query", Query(criteria.Phrases)), ("@take", take), ("@skip", skip)],
            cancellationToken);

    /// <summary>
    /// The newest documents tested one by one, which hold a common word's page; only if the page
    /// needs more, the index's documents below the oldest of those, newest first, each confirmed
    /// only when its turn comes. Those are sorted (by -id), not read down the id index: PostgreSQL
    /// would then test every document's tokens from the newest on, reading each one's whole
    /// tsvector — seconds when a year filter asks for old documents.
    /// </summary>
    public async Task<List<int>> NewestAsync(SearchCriteria criteria, SearchTier tier, int skip, int take, CancellationToken cancellationToken)
    {
        var query = new PostgresQuery(criteria);
        var need = skip + take;
        List<(string, object?)> parameters = [.. query.Parameters, ("@walk", Math.Max(WalkAtLeast(tier), need * 50)), ("@need", need)];
        var ids = query.FewDocuments ? [] : await Sql.IdsAsync(db,
            $"""
            SELECT s.document_id FROM (SELECT * FROM search_index ORDER BY document_id DESC LIMIT @walk) s{query.Join}
            WHERE {query.Confirmed(tier, "s", walked: true)} ORDER BY s.document_id DESC LIMIT @need
            """,
            parameters, cancellationToken);
        var below = query.FewDocuments ? "" : "s.document_id < (SELECT min(document_id) FROM (SELECT document_id FROM search_index ORDER BY document_id DESC LIMIT @walk) w) AND ";
        if (ids.Count < need)
            ids.AddRange(await Sql.IdsAsync(db,
                $"""
                SELECT c.document_id FROM (
                    SELECT s.document_id, s.title_tsv, s.tsv FROM search_index s{query.Join}
                    WHERE {below}{query.Candidates(tier)}
                    ORDER BY -s.document_id OFFSET 0) c
                WHERE {query.Confirmed(tier, "c", walked: false)} LIMIT @rest
                """,
                [.. parameters, ("@rest", need - ids.Count)], cancellationToken));
        return [.. ids.Skip(skip).Take(take)];
    }

    /// <summary>'住房':1A '房公':2A …, positions running on across the fields.</summary>
    internal static string Vector(SearchFields fields)
    {
        var sb = new StringBuilder();
        var position = 0;
        foreach (var (text, weight) in new[] { (fields.Title, 'A'), (fields.Reference, 'B'), (fields.Body, 'C'), (fields.Attachments, 'D') })
        {
            foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                position = Math.Min(position + 1, 16383);
                sb.Append('\'').Append(token).Append("':").Append(position.ToString(CultureInfo.InvariantCulture)).Append(weight).Append(' ');
            }
        }
        return sb.ToString();
    }

    /// <summary>'_ag18' '_yr2026' …, lexemes without positions.</summary>
    internal static string Facets(SearchFilters filters) => string.Join(' ', filters.FacetTokens().Split(' ').Select(t => $"'{t}'"));

    /// <summary>'住房' &lt;-&gt; '房公' &amp; '2023'; a word still being typed as a prefix, '2023':*.</summary>
    internal static string Query(IReadOnlyList<QueryPhrase> phrases) =>
        string.Join(" & ", phrases.Select(p => "(" + string.Join(" <-> ", p.Tokens.Select(t => Lexeme(t, p.IsPrefix))) + ")"));

    /// <summary>Every token of the query, in any order: '住房' &amp; '房公' &amp; '2023'. GIN answers it exactly.</summary>
    internal static string Tokens(IReadOnlyList<QueryPhrase> phrases) =>
        string.Join(" & ", phrases.SelectMany(p => p.Tokens.Select(t => Lexeme(t, p.IsPrefix))));

    private static string Lexeme(string token, bool prefix) => prefix ? $"'{token}':*" : $"'{token}'";

    /// <summary>The SQL of one search: what the indexes can answer, what is confirmed row by row, and the parameters.</summary>
    private sealed class PostgresQuery(SearchCriteria c)
    {
        /// <summary>Whether the query has a phrase of several tokens, which only positions confirm.</summary>
        private readonly bool phrase = c.Phrases.Any(p => p.Tokens.Count > 1);

        private readonly string? facets = SearchFilters.Tokens(c.AgencyId, c.CategoryId, c.Topic, c.Kind, c.Year) is var tokens && tokens.Any()
            ? string.Join(" & ", tokens.Select(t => $"'{t}'"))
            : null;

        public List<(string, object?)> Parameters
        {
            get
            {
                var parameters = new List<(string, object?)> { ("@query", Query(c.Phrases)), ("@tokens", Tokens(c.Phrases)) };
                if (facets is not null) parameters.Add(("@facets", facets));
                if (c.Validity is not null) parameters.Add(("@today", c.Today));
                return parameters;
            }
        }

        /// <summary>
        /// Validity changes with the date, so it is read from the documents. 现行有效 is most of them: each
        /// candidate's document is looked up. 已废止 and 已失效 are a few (their dates are indexed,
        /// migration 0015): the search starts from their ids, and walking the newest documents is no use.
        /// </summary>
        public bool FewDocuments => c.Validity is Validity.Repealed or Validity.Expired;

        public string Join => c.Validity == Validity.Valid
            ? " JOIN documents d ON d.id = s.document_id AND (d.repealed_on IS NULL OR d.repealed_on > @today) AND (d.valid_until IS NULL OR d.valid_until >= @today)"
            : "";

        private string FewIds => c.Validity switch
        {
            Validity.Repealed => "s.document_id = ANY(ARRAY(SELECT id FROM documents WHERE repealed_on <= @today)) AND ",
            Validity.Expired => "s.document_id = ANY(ARRAY(SELECT id FROM documents WHERE valid_until < @today EXCEPT SELECT id FROM documents WHERE repealed_on <= @today)) AND ",
            _ => "",
        };

        /// <summary>
        /// The tier's documents through its index. Titles are checked against title_tsv (the index's
        /// recheck reads the row, not the whole tsvector); the rest are found by their tokens and confirmed.
        /// </summary>
        public string Indexed(SearchTier tier) =>
            tier == SearchTier.Title ? $"{Filters}s.title_tsv @@ CAST(@query AS tsquery)" : $"{Candidates(tier)} AND {Confirmed(tier, "s", walked: false)}";

        /// <summary>Documents holding every token and the filters: a superset of the matches, straight from the tsvector index.</summary>
        public string Candidates(SearchTier tier) =>
            tier == SearchTier.Title
                ? $"{Filters}s.title_tsv @@ CAST(@tokens AS tsquery)"
                : $"{Filters}s.tsv @@ CAST(@tokens AS tsquery)";

        /// <summary>
        /// The tier's test of one row, which no index can take over and which goes no further than it
        /// must: the filters (for a row <paramref name="walked"/> to, not found through an index), then
        /// the title, then the whole tsvector — for a row walked to, or for a phrase, whose order only positions confirm.
        /// </summary>
        public string Confirmed(SearchTier tier, string row, bool walked)
        {
            var title = $"{row}.title_tsv @@ CAST(@query AS tsquery)";
            var whole = walked || phrase ? $"{row}.tsv @@ CAST(@query AS tsquery)" : "true";
            var filters = walked && facets is not null ? $"WHEN NOT {row}.facets @@ CAST(@facets AS tsquery) THEN false " : "";
            return tier switch
            {
                SearchTier.Title => $"CASE {filters}WHEN {title} THEN true ELSE false END",
                SearchTier.NotTitle => $"CASE {filters}WHEN {title} THEN false ELSE {whole} END",
            };
        }

        /// <summary>The filters, written first: where PostgreSQL tests rows one by one, it tests them in this order, and the facets are in the row.</summary>
        private string Filters => FewIds + (facets is null ? "" : "s.facets @@ CAST(@facets AS tsquery) AND ");
    }
}
