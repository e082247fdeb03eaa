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

/// <summary>Counts of published documents for the filter, and for each value of each facet with the other filters kept.</summary>
public sealed record CatalogueFacets(int Total, IReadOnlyList<(int Year, int Count)> Years, IReadOnlyList<(Topic Topic, int Count)> Topics,
    IReadOnlyList<(int CategoryId, int Count)> Categories, IReadOnlyList<(int AgencyId, int Count)> Agencies);

/// <summary>
/// The public catalogue list. Pages are read with keyset paging on (发布时间, id) through the
/// partial indexes of migration 0003, so page 2,000 costs what page 1 does; the agencies, their
/// categories and the counts (from <see cref="CatalogueCount"/>, never from counting documents) come
/// from the <see cref="CatalogueSnapshot"/> held in memory.
/// </summary>
public sealed class CatalogueList(GongkaiDbContext db, CatalogueSnapshotCache snapshots, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <param name="older">Cursor: the page after (older than) this one.</param>
    /// <param name="newer">Cursor: the page before (newer than) this one.</param>
    public async Task<CataloguePage> PageAsync(CatalogueFilter filter, string? older, string? newer, CancellationToken cancellationToken = default)
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
        if (Cursor.TryParse(newer, out var n))
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
            return new CataloguePage(rows, rows.Count > 0 ? Cursor.Of(rows[^1]) : null, more ? Cursor.Of(rows[0]) : null);
        }
        var hasOlderCursor = Cursor.TryParse(older, out var o);
        if (from is { } first) query = query.Where(d => d.PublishedAt >= first);
        query = hasOlderCursor && (to is not { } last || o.At < last)
            ? query.Where(d => d.PublishedAt <= o.At && (d.PublishedAt < o.At || (d.PublishedAt == o.At && d.Id < o.Id)))
            : to is { } yearEnd ? query.Where(d => d.PublishedAt < yearEnd) : query;
        rows = await query.OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id).Take(PageSize + 1)
            .Select(DocumentSummary.Projection).ToListAsync(cancellationToken);
        more = rows.Count > PageSize;
        rows = rows.Take(PageSize).ToList();
        return new CataloguePage(rows, more ? Cursor.Of(rows[^1]) : null, hasOlderCursor && rows.Count > 0 ? Cursor.Of(rows[0]) : null);
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

    /// <summary>A position in the list: the 发布时间 (UTC ticks) and id of a document, "638712345678901234-42".</summary>
    private readonly record struct Cursor(DateTime At, int Id)
    {
        public static string Of(DocumentSummary d) =>
            string.Create(CultureInfo.InvariantCulture, $"{d.PublishedAt!.Value.Ticks}-{d.Id}");

        public static bool TryParse(string? text, out Cursor cursor)
        {
            cursor = default;
            var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
            if (dash <= 0
                || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || !int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || ticks > DateTime.MaxValue.Ticks)
                return false;
            cursor = new Cursor(new DateTime(ticks, DateTimeKind.Utc), id);
            return true;
        }
    }
}
