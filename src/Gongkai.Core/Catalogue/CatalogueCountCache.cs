using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Catalogue;

/// <summary>
/// The <see cref="CatalogueCount"/> rows held in memory (tens of thousands of small rows even for
/// millions of documents), so the portal's facet counts are one pass over an array instead of
/// aggregate queries on every page. Dropped whenever the catalogue changes here or, with Redis, on
/// another server, and reloaded at least every minute whatever happens.
/// </summary>
public sealed class CatalogueCountCache
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly TimeProvider clock;
    private (CatalogueCountSnapshot Counts, DateTimeOffset LoadedAt, long Version)? snapshot;
    private long version;

    public CatalogueCountCache(CatalogueChanges changes, TimeProvider clock)
    {
        this.clock = clock;
        changes.ChangedAnywhere += () => Interlocked.Increment(ref version);
    }

    public async Task<CatalogueCountSnapshot> CountsAsync(GongkaiDbContext db, CancellationToken cancellationToken)
    {
        // Read before loading: a change committed meanwhile leaves this snapshot stale by one version, so the next call reloads.
        var current = Interlocked.Read(ref version);
        if (snapshot is { } s && s.Version == current && clock.GetUtcNow() - s.LoadedAt < MaxAge) return s.Counts;
        var rows = await db.CatalogueCounts.AsNoTracking().Where(c => c.DocumentCount > 0).ToListAsync(cancellationToken);
        var counts = new CatalogueCountSnapshot(rows);
        snapshot = (counts, clock.GetUtcNow(), current);
        return counts;
    }
}

/// <summary>A snapshot of the counts of published documents by agency, category, 主题分类 and year.</summary>
public sealed class CatalogueCountSnapshot
{
    private readonly CatalogueCount[] rows;
    private readonly int agencies;
    private readonly int categories;
    private readonly int firstYear;
    private readonly int years;
    private readonly int topics = Enum.GetValues<Topic>().Max(t => (int)t) + 1;

    public CatalogueCountSnapshot(IReadOnlyList<CatalogueCount> rows)
    {
        this.rows = [.. rows];
        agencies = rows.Count == 0 ? 0 : rows.Max(r => r.AgencyId) + 1;
        categories = rows.Count == 0 ? 0 : rows.Max(r => r.CategoryId) + 1;
        firstYear = rows.Count == 0 ? 0 : rows.Min(r => r.Year);
        years = rows.Count == 0 ? 0 : rows.Max(r => r.Year) - firstYear + 1;
    }

    /// <summary>The total for the filter, and each facet's counts with the other filters kept (agencies ignore the category too).</summary>
    public CatalogueFacets Facets(CatalogueFilter filter)
    {
        var total = 0;
        var byYear = new int[years];
        var byTopic = new int[topics];
        var byCategory = new int[categories];
        var byAgency = new int[agencies];
        foreach (var row in rows)
        {
            var agency = filter.AgencyId is not { } a || row.AgencyId == a;
            var category = filter.CategoryId is not { } c || row.CategoryId == c;
            var topic = filter.Topic is not { } t || row.Topic == t;
            var year = filter.Year is not { } y || row.Year == y;
            if (topic && year)
            {
                byAgency[row.AgencyId] += row.DocumentCount;
                if (agency) byCategory[row.CategoryId] += row.DocumentCount;
            }
            if (!agency || !category) continue;
            if (topic) byYear[row.Year - firstYear] += row.DocumentCount;
            if (year) byTopic[(int)row.Topic] += row.DocumentCount;
            if (topic && year) total += row.DocumentCount;
        }
        return new CatalogueFacets(
            total,
            [.. Enumerable.Range(0, years).Reverse().Where(i => byYear[i] > 0).Select(i => (firstYear + i, byYear[i]))],
            [.. Enumerable.Range(0, topics).Where(i => byTopic[i] > 0).Select(i => ((Topic)i, byTopic[i]))],
            filter.AgencyId is null ? [] : [.. Enumerable.Range(1, Math.Max(0, categories - 1)).Where(i => byCategory[i] > 0).Select(i => (i, byCategory[i]))],
            [.. Enumerable.Range(0, agencies).Where(i => byAgency[i] > 0).Select(i => (i, byAgency[i]))]);
    }
}
