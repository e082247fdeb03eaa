using System.Collections.Concurrent;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Catalogue;

/// <summary>
/// What every catalogue page shows beside its list, held in memory: the agencies' names in the
/// administrator's order, each agency's 目录分类, and the counts of published documents by agency,
/// category, 主题分类 and year (tens of thousands of small rows even for millions of documents), so
/// the facet counts are one pass over an array, remembered per filter. The counts are those of the
/// <see cref="CatalogueRows"/> once they are loaded (a new snapshot after each change they apply,
/// without a query), and the <see cref="CatalogueCount"/> table's until then. Agencies and
/// categories are read again when one changes here or, with Redis, on another server, and at least
/// every minute whatever happens.
/// </summary>
public sealed class CatalogueSnapshotCache
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly TimeProvider clock;
    private readonly CatalogueRows rows;
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Loaded? current;
    private long version;

    public CatalogueSnapshotCache(CatalogueChanges changes, CatalogueRows rows, TimeProvider clock)
    {
        this.clock = clock;
        this.rows = rows;
        changes.OnChangedAnywhere(change =>
        {
            // A document's change reaches the counts through the rows; until they are loaded, and for
            // agencies and categories, the snapshot is read again.
            if (change.Whole || !rows.Loaded) Interlocked.Increment(ref version);
            return Task.CompletedTask;
        });
    }

    public async Task<CatalogueSnapshot> SnapshotAsync(GongkaiDbContext db, CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh) return fresh;
        // One request loads; the others wait for it instead of all reading the counts at once after a publication.
        await loading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } loaded) return loaded;
            // Read before loading: a change committed meanwhile leaves this snapshot stale by one version, so the next call reloads.
            var now = Interlocked.Read(ref version);
            var counted = rows.Counts;
            var counts = counted ?? await db.CatalogueCounts.AsNoTracking().Where(c => c.DocumentCount > 0).ToListAsync(cancellationToken);
            var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Id).Select(a => new { a.Id, a.Name })
                .ToListAsync(cancellationToken);
            var categories = await db.CatalogueCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
            var snapshot = new CatalogueSnapshot(counts, [.. agencies.Select(a => (a.Id, a.Name))], categories);
            current = new Loaded(snapshot, clock.GetUtcNow(), now, counted);
            return snapshot;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>The snapshot if it is current: with the rows' newest counts made into a new snapshot at once, no query.</summary>
    private CatalogueSnapshot? Fresh()
    {
        if (current is not { } s || s.Version != Interlocked.Read(ref version) || clock.GetUtcNow() - s.LoadedAt >= MaxAge) return null;
        var counted = rows.Counts;
        if (counted is null || ReferenceEquals(counted, s.Counts)) return s.Snapshot;
        var recounted = s.Snapshot.WithCounts(counted);
        current = s with { Snapshot = recounted, Counts = counted };
        return recounted;
    }

    /// <param name="Counts">The rows' counts the snapshot has; null for the table's.</param>
    private sealed record Loaded(CatalogueSnapshot Snapshot, DateTimeOffset LoadedAt, long Version, IReadOnlyList<CatalogueCount>? Counts);
}

/// <summary>
/// A snapshot of the agencies, their categories and the counts of published documents by agency,
/// category, 主题分类 and year.
/// </summary>
public sealed class CatalogueSnapshot
{
    /// <summary>How many filters' facets are remembered: every agency × category × topic × year would be far more than readers ask for.</summary>
    private const int RememberedFacets = 4096;

    private readonly CatalogueCount[] rows;
    private readonly ILookup<int, CatalogueCategory> categoriesByAgency;
    private readonly Dictionary<int, string> categoryNames;
    private readonly ConcurrentDictionary<CatalogueFilter, CatalogueFacets> facets = new();
    private readonly int agencyIds;
    private readonly int categoryIds;
    private readonly int firstYear;
    private readonly int years;
    private readonly int topics = Enum.GetValues<Topic>().Max(t => (int)t) + 1;

    private readonly IReadOnlyList<CatalogueCategory> categories;

    public CatalogueSnapshot(IReadOnlyList<CatalogueCount> rows, IReadOnlyList<(int Id, string Name)> agencies, IReadOnlyList<CatalogueCategory> categories)
    {
        this.rows = [.. rows];
        Agencies = agencies;
        this.categories = categories;
        categoriesByAgency = categories.ToLookup(c => c.AgencyId);
        categoryNames = categoriesByAgency.SelectMany(c => c).ToDictionary(c => c.Id, c => c.Name);
        agencyIds = rows.Count == 0 ? 0 : rows.Max(r => r.AgencyId) + 1;
        categoryIds = rows.Count == 0 ? 0 : rows.Max(r => r.CategoryId) + 1;
        firstYear = rows.Count == 0 ? 0 : rows.Min(r => r.Year);
        years = rows.Count == 0 ? 0 : rows.Max(r => r.Year) - firstYear + 1;
    }

    /// <summary>Every agency's id and name, in the administrator's order.</summary>
    public IReadOnlyList<(int Id, string Name)> Agencies { get; }

    /// <summary>The agency's 目录分类 in their order.</summary>
    public IReadOnlyList<CatalogueCategory> CategoriesOf(int agencyId) => [.. categoriesByAgency[agencyId]];

    /// <summary>The same agencies and categories with other counts.</summary>
    public CatalogueSnapshot WithCounts(IReadOnlyList<CatalogueCount> counts) => new(counts, Agencies, categories);

    /// <summary>The 目录分类's name; null for none (or one deleted since).</summary>
    public string? CategoryName(int? categoryId) => categoryId is { } id ? categoryNames.GetValueOrDefault(id) : null;

    /// <summary>The total for the filter, and each facet's counts with the other filters kept (agencies ignore the category too).</summary>
    public CatalogueFacets Facets(CatalogueFilter filter)
    {
        if (facets.TryGetValue(filter, out var known)) return known;
        var counted = Count(filter);
        if (facets.Count < RememberedFacets) facets.TryAdd(filter, counted);
        return counted;
    }

    private CatalogueFacets Count(CatalogueFilter filter)
    {
        var total = 0;
        var byYear = new int[years];
        var byTopic = new int[topics];
        var byCategory = new int[categoryIds];
        var byAgency = new int[agencyIds];
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
            filter.AgencyId is null ? [] : [.. Enumerable.Range(1, Math.Max(0, categoryIds - 1)).Where(i => byCategory[i] > 0).Select(i => (i, byCategory[i]))],
            [.. Enumerable.Range(0, agencyIds).Where(i => byAgency[i] > 0).Select(i => (i, byAgency[i]))]);
    }
}
