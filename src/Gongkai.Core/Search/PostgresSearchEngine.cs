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
/// its own index as SQLite's search_index_titles has. PostgreSQL
/// keeps positions up to 16,383 per document: past that, two-character words are still found, longer
/// phrases only in the first 16,383 tokens.
/// </summary>
internal sealed class PostgresSearchEngine(GongkaiDbContext db) : ISearchEngine
{
    public Task WriteAsync(int documentId, SearchFields fields, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(db,
            "INSERT INTO search_index (document_id, tsv) VALUES (@id, CAST(@tsv AS tsvector)) ON CONFLICT (document_id) DO UPDATE SET tsv = excluded.tsv",
            [("@id", documentId), ("@tsv", Vector(fields))],
            cancellationToken);

    public Task DeleteAsync(int documentId, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(db, "DELETE FROM search_index WHERE document_id = @id", [("@id", documentId)], cancellationToken);

    public Task<List<int>> MatchesAsync(SearchCriteria criteria, SearchTier tier, int atMost, CancellationToken cancellationToken) =>
        Sql.IdsAsync(db, $"SELECT d.id FROM search_index s JOIN documents d ON d.id = s.document_id WHERE {Where(criteria, tier)} LIMIT @atMost",
            [.. Parameters(criteria), ("@atMost", atMost)], cancellationToken);

    public Task<List<int>> RankedAsync(SearchCriteria criteria, int skip, int take, CancellationToken cancellationToken) =>
        Sql.IdsAsync(db,
            $"""
            SELECT d.id FROM search_index s JOIN documents d ON d.id = s.document_id WHERE {Where(criteria, SearchTier.All)}
            ORDER BY s.title_tsv @@ CAST(@query AS tsquery) DESC, ts_rank(s.tsv, CAST(@query AS tsquery)) DESC, d.id DESC
            LIMIT @take OFFSET @skip
            """,
            [.. Parameters(criteria), ("@take", take), ("@skip", skip)],
            cancellationToken);

    public Task<List<int>> NewestAsync(SearchCriteria criteria, SearchTier tier, int skip, int take, CancellationToken cancellationToken) =>
        Sql.IdsAsync(db,
            $"SELECT d.id FROM search_index s JOIN documents d ON d.id = s.document_id WHERE {Where(criteria, tier)} ORDER BY d.id DESC LIMIT @take OFFSET @skip",
            [.. Parameters(criteria), ("@take", take), ("@skip", skip)],
            cancellationToken);

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
                sb.Append('\'').Append(token).Append("':").Append(position.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(weight).Append(' ');
            }
        }
        return sb.ToString();
    }

    /// <summary>'住房' &lt;-&gt; '房公' &amp; '2023'; a word still being typed as a prefix, '2023':*.</summary>
    internal static string Query(IReadOnlyList<QueryPhrase> phrases)
    {
        static string Lexeme(string token, bool prefix) => prefix ? $"'{token}':*" : $"'{token}'";
        return string.Join(" & ", phrases.Select(p => "(" + string.Join(" <-> ", p.Tokens.Select(t => Lexeme(t, p.IsPrefix))) + ")"));
    }

    private static string Where(SearchCriteria c, SearchTier tier)
    {
        var where = new StringBuilder(tier switch
        {
            SearchTier.All => "s.tsv @@ CAST(@query AS tsquery)",
            SearchTier.Title => "s.title_tsv @@ CAST(@query AS tsquery)",
            SearchTier.NotTitle => "s.tsv @@ CAST(@query AS tsquery) AND NOT s.title_tsv @@ CAST(@query AS tsquery)",
        });
        if (c.AgencyId is not null) where.Append(" AND d.agency_id = @agency");
        if (c.CategoryId is not null) where.Append(" AND d.category_id = @category");
        if (c.Topic is not null) where.Append(" AND d.topic = @topic");
        if (c.Kind is not null) where.Append(" AND d.kind = @kind");
        if (c.Year is not null) where.Append(" AND d.published_on >= @yearStart AND d.published_on < @yearEnd");
        if (c.Validity is { } validity) where.Append(validity switch
        {
            Validity.Valid => " AND (d.repealed_on IS NULL OR d.repealed_on > @today) AND (d.valid_until IS NULL OR d.valid_until >= @today)",
            Validity.Expired => " AND (d.repealed_on IS NULL OR d.repealed_on > @today) AND d.valid_until < @today",
            Validity.Repealed => " AND d.repealed_on <= @today",
        });
        return where.ToString();
    }

    private static List<(string, object?)> Parameters(SearchCriteria c)
    {
        var parameters = new List<(string, object?)> { ("@query", Query(c.Phrases)) };
        if (c.AgencyId is { } agency) parameters.Add(("@agency", agency));
        if (c.CategoryId is { } category) parameters.Add(("@category", category));
        if (c.Topic is { } topic) parameters.Add(("@topic", topic.ToString()));
        if (c.Kind is { } kind) parameters.Add(("@kind", kind.ToString()));
        if (c.Year is { } year)
        {
            parameters.Add(("@yearStart", new DateOnly(year, 1, 1)));
            parameters.Add(("@yearEnd", new DateOnly(year + 1, 1, 1)));
        }
        if (c.Validity is not null) parameters.Add(("@today", c.Today));
        return parameters;
    }
}
