using System.Globalization;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Catalogue;

/// <summary>How the public browses the catalogue: by agency, its categories, 主题分类 and year.</summary>
public sealed record CatalogueFilter(int? AgencyId = null, int? CategoryId = null, Topic? Topic = null, int? Year = null);

/// <summary>A page of the catalogue, newest first, with the cursors of the pages either side (null at either end).</summary>
public sealed record CataloguePage(IReadOnlyList<DocumentSummary> Items, string? Older, string? Newer);

/// <summary>Counts of published documents for the filter, and for each value of each facet with the other filters kept.</summary>
public sealed record CatalogueFacets(int Total, IReadOnlyList<(int Year, int Count)> Years, IReadOnlyList<(Topic Topic, int Count)> Topics,
    IReadOnlyList<(int CategoryId, int Count)> Categories, IReadOnlyList<(int AgencyId, int Count)> Agencies);

/// <summary>
/// The public catalogue list. Pages are read with keyset paging on (发布时间, id) through the
/// partial indexes of migration 0003, so page 2,000 costs what page 1 does; counts come from
/// <see cref="CatalogueCount"/>, never from counting documents.
/// </summary>
public sealed class CatalogueList(GongkaiDbContext db)
{
    public const int PageSize = 20;

    /// <param name="older">Cursor: the page after (older than) this one.</param>
    /// <param name="newer">Cursor: the page before (newer than) this one.</param>
    public async Task<CataloguePage> PageAsync(CatalogueFilter filter, string? older, string? newer, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        List<DocumentSummary> rows;
        bool more;
        if (Cursor.TryParse(newer, out var n))
        {
            rows = await query.Where(d => d.PublishedAt > n.At || (d.PublishedAt == n.At && d.Id > n.Id))
                .OrderBy(d => d.PublishedAt).ThenBy(d => d.Id).Take(PageSize + 1).Select(DocumentSummary.Projection).ToListAsync(cancellationToken);
            more = rows.Count > PageSize;
            rows = rows.Take(PageSize).Reverse().ToList();
            return new CataloguePage(rows, rows.Count > 0 ? Cursor.Of(rows[^1]) : null, more ? Cursor.Of(rows[0]) : null);
        }
        var hasOlderCursor = Cursor.TryParse(older, out var o);
        if (hasOlderCursor) query = query.Where(d => d.PublishedAt < o.At || (d.PublishedAt == o.At && d.Id < o.Id));
        rows = await query.OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id).Take(PageSize + 1)
            .Select(DocumentSummary.Projection).ToListAsync(cancellationToken);
        more = rows.Count > PageSize;
        rows = rows.Take(PageSize).ToList();
        return new CataloguePage(rows, more ? Cursor.Of(rows[^1]) : null, hasOlderCursor && rows.Count > 0 ? Cursor.Of(rows[0]) : null);
    }

    public async Task<CatalogueFacets> FacetsAsync(CatalogueFilter filter, CancellationToken cancellationToken = default)
    {
        var counts = db.CatalogueCounts.AsNoTracking().Where(c => c.DocumentCount > 0);
        IQueryable<CatalogueCount> Except(bool agency = true, bool category = true, bool topic = true, bool year = true)
        {
            var q = counts;
            if (agency && filter.AgencyId is { } a) q = q.Where(c => c.AgencyId == a);
            if (category && filter.CategoryId is { } cat) q = q.Where(c => c.CategoryId == cat);
            if (topic && filter.Topic is { } t) q = q.Where(c => c.Topic == t);
            if (year && filter.Year is { } y) q = q.Where(c => c.Year == y);
            return q;
        }
        var total = await Except().SumAsync(c => c.DocumentCount, cancellationToken);
        var years = await Except(year: false).GroupBy(c => c.Year).Select(g => new { g.Key, Count = g.Sum(c => c.DocumentCount) })
            .OrderByDescending(g => g.Key).ToListAsync(cancellationToken);
        var topics = await Except(topic: false).GroupBy(c => c.Topic).Select(g => new { g.Key, Count = g.Sum(c => c.DocumentCount) })
            .ToListAsync(cancellationToken);
        var categories = filter.AgencyId is null ? [] : await Except(category: false).Where(c => c.CategoryId != 0)
            .GroupBy(c => c.CategoryId).Select(g => new { g.Key, Count = g.Sum(c => c.DocumentCount) }).ToListAsync(cancellationToken);
        var agencies = await Except(agency: false, category: false).GroupBy(c => c.AgencyId)
            .Select(g => new { g.Key, Count = g.Sum(c => c.DocumentCount) }).ToListAsync(cancellationToken);
        return new CatalogueFacets(total,
            years.Select(y => (y.Key, y.Count)).ToList(),
            topics.OrderBy(t => t.Key).Select(t => (t.Key, t.Count)).ToList(),
            categories.Select(c => (c.Key, c.Count)).ToList(),
            agencies.Select(a => (a.Key, a.Count)).ToList());
    }

    private IQueryable<Document> Filtered(CatalogueFilter filter)
    {
        // The constant status lets SQLite use the partial indexes (WHERE status = 'Published').
        var query = db.Documents.AsNoTracking().Where(d => d.Status == PublishingStatus.Published);
        if (filter.AgencyId is { } agency) query = query.Where(d => d.AgencyId == agency);
        if (filter.CategoryId is { } category) query = query.Where(d => d.CategoryId == category);
        if (filter.Topic is { } topic) query = query.Where(d => d.Topic == topic);
        if (filter.Year is { } year)
        {
            var from = ChinaTime.StartOfDayUtc(new DateOnly(year, 1, 1));
            var to = ChinaTime.StartOfDayUtc(new DateOnly(year + 1, 1, 1));
            query = query.Where(d => d.PublishedAt >= from && d.PublishedAt < to);
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
