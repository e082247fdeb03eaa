using System.Globalization;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Catalogue;

/// <summary>
/// How the public browses the catalogue: by agency, its categories, 主题分类 and year; the API also by
/// validity today and by whether a document is normative (规章 and 行政规范性文件), which the counts do not cover.
/// </summary>
public sealed record CatalogueFilter(int? AgencyId = null, int? CategoryId = null, Topic? Topic = null, int? Year = null, Validity? Validity = null,
    bool? Normative = null);

/// <summary>A page of the catalogue, newest first, with the cursors of the pages either side (null at either end).</summary>
public sealed record CataloguePage(IReadOnlyList<DocumentSummary> Items, string? Older, string? Newer);

/// <summary>Counts of published documents for the filter, and for each value of each facet with the other filters kept.
/// Agencies and categories are in the order of their ids.</summary>
public sealed record CatalogueFacets(int Total, IReadOnlyList<(int Year, int Count)> Years, IReadOnlyList<(Topic Topic, int Count)> Topics,
    IReadOnlyList<(int CategoryId, int Count)> Categories, IReadOnlyList<(int AgencyId, int Count)> Agencies)
{
    /// <summary>The agency's count (0 for none): a search, as a province lists thousands of agencies on every page.</summary>
    public int CountOfAgency(int agencyId) => CountOf(Agencies, agencyId);

    public int CountOfCategory(int categoryId) => CountOf(Categories, categoryId);

    private static int CountOf(IReadOnlyList<(int Id, int Count)> counts, int id)
    {
        int lo = 0, hi = counts.Count - 1;
        while (lo <= hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (counts[mid].Id == id) return counts[mid].Count;
            if (counts[mid].Id < id) lo = mid + 1;
            else hi = mid - 1;
        }
        return 0;
    }
}

/// <summary>
/// The public catalogue list. Pages come from the <see cref="CatalogueRows"/> held in memory once
/// they are loaded, and until then from the database with keyset paging on (发布时间, id) through the
/// partial indexes of migration 0003 — the same rows and cursors either way, and page 2,000 costs
/// what page 1 does. The agencies, their categories and the counts (the rows' own once loaded, the
/// <see cref="CatalogueCount"/> table's until then; never a count over documents) come from the
/// <see cref="CatalogueSnapshot"/> held in memory.
/// </summary>
public sealed class CatalogueList(GongkaiDbContext db, CatalogueSnapshotCache snapshots, CatalogueRows memory, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <param name="older">Cursor: the page after (older than) this one.</param>
    /// <param name="newer">Cursor: the page before (newer than) this one.</param>
    public async Task<CataloguePage> PageAsync(CatalogueFilter filter, string? older, string? newer, CancellationToken cancellationToken = default)
    {
        if (await memory.CurrentAsync(cancellationToken) is { } index)
        {
            var snapshot = await SnapshotAsync(cancellationToken);
            var (found, olderPage, newerPage) = index.Page(filter, older, newer, Beijing.Today(clock));
            return new CataloguePage([.. found.Select(r => r.Summary(snapshot.CategoryName(r.CategoryId)))], olderPage, newerPage);
        }
        return await ReadAsync(filter, older, newer, cancellationToken);
    }

    /// <summary>The page from the database.</summary>
    private async Task<CataloguePage> ReadAsync(CatalogueFilter filter, string? older, string? newer, CancellationToken cancellationToken)
    {
        var query = Filtered(filter);
        // A year and a cursor both bound 发布时间: only the tighter bound goes in the query, as SQLite
        // walks the index from one bound and would otherwise read up to a year of entries to the other.
        DateTime? from = null, to = null;
        if (filter.Year is { } year)
        {
            from = ChinaTime.StartOfDayUtc(new DateOnly(year, 1, 1));
            to = ChinaTime.StartOfDayUtc(new DateOnly(year + 1, 1, 1));
        }
        List<DocumentSummary> rows;
        bool more;
        if (CatalogueCursor.TryParse(newer, out var n))
        {
            if (to is { } end) query = query.Where(d => d.PublishedAt < end);
            query = from is { } start && start > n.At
                ? query.Where(d => d.PublishedAt >= start)
                // The first bound is redundant for the rows it keeps, but lets the index be read from
                // the cursor on: PostgreSQL reads no bound from the OR and would skip every row before it.
                : query.Where(d => d.PublishedAt >= n.At && (d.PublishedAt > n.At || (d.PublishedAt == n.At && d.Id > n.Id)));
            rows = await query.OrderBy(d => d.PublishedAt).ThenBy(d => d.Id).Take(PageSize + 1).Select(DocumentSummary.Projection).ToListAsync(cancellationToken);
            more = rows.Count > PageSize;
            rows = rows.Take(PageSize).Reverse().ToList();
            return new CataloguePage(rows, rows.Count > 0 ? CatalogueCursor.Of(rows[^1]) : null, more ? CatalogueCursor.Of(rows[0]) : null);
        }
        var hasOlderCursor = CatalogueCursor.TryParse(older, out var o);
        if (from is { } first) query = query.Where(d => d.PublishedAt >= first);
        query = hasOlderCursor && (to is not { } last || o.At < last)
            ? query.Where(d => d.PublishedAt <= o.At && (d.PublishedAt < o.At || (d.PublishedAt == o.At && d.Id < o.Id)))
            : to is { } yearEnd ? query.Where(d => d.PublishedAt < yearEnd) : query;
        rows = await query.OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id).Take(PageSize + 1)
            .Select(DocumentSummary.Projection).ToListAsync(cancellationToken);
        more = rows.Count > PageSize;
        rows = rows.Take(PageSize).ToList();
        return new CataloguePage(rows, more ? CatalogueCursor.Of(rows[^1]) : null, hasOlderCursor && rows.Count > 0 ? CatalogueCursor.Of(rows[0]) : null);
    }

    /// <summary>The agencies, their categories and the counts, as of at most a minute ago or the last change.</summary>
    public Task<CatalogueSnapshot> SnapshotAsync(CancellationToken cancellationToken = default) => snapshots.SnapshotAsync(db, cancellationToken);

    private IQueryable<Document> Filtered(CatalogueFilter filter)
    {
        var query = db.Documents.AsNoTracking().Published();
        if (filter.AgencyId is { } agency) query = query.Where(d => d.AgencyId == agency);
        if (filter.CategoryId is { } category) query = query.Where(d => d.CategoryId == category);
        if (filter.Topic is { } topic) query = query.Where(d => d.Topic == topic);
        if (filter.Normative is { } normative)
            query = normative
                ? query.Where(d => d.Kind == DocumentKind.Rule || d.Kind == DocumentKind.NormativeDocument)
                : query.Where(d => d.Kind != DocumentKind.Rule && d.Kind != DocumentKind.NormativeDocument);
        if (filter.Validity is { } validity)
        {
            // Validities.On in SQL: repealed from the day of repeal, expired after the last day of the term.
            var today = Beijing.Today(clock);
            query = validity switch
            {
                Validity.Repealed => query.Where(d => d.RepealedOn <= today),
                Validity.Expired => query.Where(d => (d.RepealedOn == null || d.RepealedOn > today) && d.ValidUntil < today),
                Validity.Valid => query.Where(d => (d.RepealedOn == null || d.RepealedOn > today) && (d.ValidUntil == null || d.ValidUntil >= today)),
            };
        }
        return query;
    }
}

/// <summary>A position in the list: the 发布时间 (UTC ticks) and id of a document, "638712345678901234-42".</summary>
internal readonly record struct CatalogueCursor(DateTime At, int Id)
{
    public static string Of(DateTime at, int id) => string.Create(CultureInfo.InvariantCulture, $"{at.Ticks}-{id}");

    public static string Of(DocumentSummary d) => Of(d.PublishedAt!.Value, d.Id);

    public static bool TryParse(string? text, out CatalogueCursor cursor)
    {
        cursor = default;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (dash <= 0
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTime.MaxValue.Ticks)
            return false;
        cursor = new CatalogueCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}
