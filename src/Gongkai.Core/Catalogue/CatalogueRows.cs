using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Gongkai.Core.Catalogue;

/// <summary>
/// The catalogue list's rows held in memory on each server: every published document's list
/// metadata (about 250 bytes a document: 250 MB for a million), newest first, with its positions by
/// agency, 目录分类 and 主题分类, so a list page costs no query. Loaded once when the server starts
/// (<see cref="LoadAsync"/>; until then <see cref="CatalogueList"/> reads the database) and kept in
/// step by <see cref="RefreshAsync"/>, which reads the documents saved since its last look by
/// <see cref="Document.ChangedAt"/>: at once after a change made here or announced by another server,
/// and every few seconds whatever happens (a command-line import, a lost announcement).
/// </summary>
public sealed class CatalogueRows
{
    /// <summary>
    /// How far back each refresh reads before its last look: a save stamped by another server's
    /// clock, or committed a while after its stamp, is still read. Rows read again unchanged cost nothing.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    /// <summary>More changes than this at once are told as <see cref="CatalogueChange.Everything"/>.</summary>
    private const int ManyChanges = 1000;

    private readonly IDbContextFactory<GongkaiDbContext> contexts;
    private readonly ILogger<CatalogueRows> logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly List<Func<IReadOnlyList<CatalogueChange>, Task>> applied = [];
    // The refresher's own copy by id, changed only under the gate; readers see the immutable index.
    private Dictionary<int, CatalogueRow> byId = [];
    private DateTime lastLook;
    private volatile CatalogueRowIndex? index;

    public CatalogueRows(IDbContextFactory<GongkaiDbContext> contexts, CatalogueChanges changes, ILogger<CatalogueRows> logger)
    {
        this.contexts = contexts;
        this.logger = logger;
        changes.OnChangedAnywhere(() => index is null ? Task.CompletedTask : RefreshAsync(CancellationToken.None));
    }

    /// <summary>The rows as of the last load or refresh; null until loaded.</summary>
    internal CatalogueRowIndex? Index => index;

    public bool Loaded => index is not null;

    /// <summary>Documents held: every published one, once loaded.</summary>
    public int Count => index?.Count ?? 0;

    /// <summary>
    /// Handlers told of the changes a refresh found, after the rows show them: the web app evicts the
    /// cached pages they touch, so a page rendered from the rows before the refresh does not stay.
    /// </summary>
    public void OnApplied(Func<IReadOnlyList<CatalogueChange>, Task> handler)
    {
        lock (applied) applied.Add(handler);
    }

    /// <summary>Reads every published document.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var look = DateTime.UtcNow;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var strings = new Dictionary<string, string>(StringComparer.Ordinal);
            var rows = new Dictionary<int, CatalogueRow>();
            await foreach (var (row, published) in Rows(db.Documents.AsNoTracking().Published()).AsAsyncEnumerable().WithCancellation(cancellationToken))
                if (published) rows[row.Id] = row with { Publisher = Shared(strings, row.Publisher) };
            byId = rows;
            lastLook = look;
            index = CatalogueRowIndex.Of(rows.Values);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Applies the documents saved since the last look (less <see cref="Overlap"/>) and tells the
    /// <see cref="OnApplied"/> handlers of those whose row changed. Does nothing before the first load.
    /// </summary>
    public async Task<IReadOnlyList<CatalogueChange>> RefreshAsync(CancellationToken cancellationToken)
    {
        List<CatalogueChange> changes = [];
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (index is not { } current) return [];
            var look = DateTime.UtcNow;
            var since = lastLook - Overlap;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var saved = await Rows(db.Documents.AsNoTracking().Where(d => d.ChangedAt >= since)).ToListAsync(cancellationToken);
            var newest = current.Count > 0 ? current[0] : null;
            List<CatalogueRow> added = [];
            HashSet<int> gone = [];
            foreach (var (row, published) in saved)
            {
                var had = byId.GetValueOrDefault(row.Id);
                if (published && row == had) continue;
                if (had is not null)
                {
                    gone.Add(row.Id);
                    byId.Remove(row.Id);
                    // Where it was listed, anywhere in those lists.
                    changes.Add(had.Change(anywhereInLists: true));
                }
                if (!published) continue;
                byId[row.Id] = row;
                added.Add(row);
                // A new document newer than all others heads its lists; any other change can be on any of their pages.
                changes.Add(row.Change(anywhereInLists: had is not null || newest is null || CatalogueRow.Newer(newest, row)));
            }
            lastLook = look;
            if (changes.Count == 0) return [];
            index = current.With(added, gone);
            // An import: its pages are every page.
            if (changes.Count > ManyChanges) changes = [CatalogueChange.Everything];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not read the catalogue's changed documents; the list rows in memory are read again at the next look");
            return [];
        }
        finally
        {
            gate.Release();
        }
        Func<IReadOnlyList<CatalogueChange>, Task>[] handlers;
        lock (applied) handlers = [.. applied];
        foreach (var handler in handlers) await handler(changes);
        return changes;
    }

    private static IQueryable<Saved> Rows(IQueryable<Document> documents) =>
        documents.Select(d => new Saved(
            new CatalogueRow(d.Id, d.AgencyId, d.CategoryId, d.Title, d.IndexNumber, d.DocumentNumber, d.Publisher, d.Kind, d.Topic, d.IssuedOn,
                d.PublishedOn, d.PublishedAt ?? DateTime.MinValue, d.ValidUntil, d.RepealedOn, d.InterpretsId, d.ReplacesId),
            d.Status == PublishingStatus.Published && d.PublishedAt != null));

    private sealed record Saved(CatalogueRow Row, bool Published);

    private static string Shared(Dictionary<string, string> strings, string value)
    {
        if (strings.TryGetValue(value, out var known)) return known;
        strings[value] = value;
        return value;
    }
}

/// <summary>A published document as the catalogue list holds it in memory.</summary>
internal sealed record CatalogueRow(int Id, int AgencyId, int? CategoryId, string Title, string? IndexNumber, string? DocumentNumber, string Publisher,
    DocumentKind Kind, Topic Topic, DateOnly? IssuedOn, DateOnly? PublishedOn, DateTime PublishedAt, DateOnly? ValidUntil, DateOnly? RepealedOn,
    int? InterpretsId, int? ReplacesId)
{
    /// <summary>The list's order, newest first: 发布时间, then id.</summary>
    public static readonly Comparison<CatalogueRow> NewestFirst = (a, b) =>
        b.PublishedAt != a.PublishedAt ? b.PublishedAt.CompareTo(a.PublishedAt) : b.Id.CompareTo(a.Id);

    public static bool Newer(CatalogueRow a, CatalogueRow b) => NewestFirst(a, b) < 0;

    public DocumentSummary Summary(string? categoryName) =>
        new(Id, Title, IndexNumber, DocumentNumber, Publisher, Kind, Topic, categoryName, IssuedOn, PublishedOn, DateTime.SpecifyKind(PublishedAt, DateTimeKind.Utc),
            ValidUntil, RepealedOn);

    public CatalogueChange Change(bool anywhereInLists) =>
        new(Id, AgencyId, CategoryId, Topic, PublishedOn?.Year ?? 0, anywhereInLists, [.. new[] { InterpretsId, ReplacesId }.OfType<int>()]);

    public bool Matches(CatalogueFilter filter, DateOnly today) =>
        (filter.AgencyId is not { } agency || AgencyId == agency)
        && (filter.CategoryId is not { } category || CategoryId == category)
        && (filter.Topic is not { } topic || Topic == topic)
        && (filter.Normative is not { } normative || (Kind is DocumentKind.Rule or DocumentKind.NormativeDocument) == normative)
        && (filter.Validity is not { } validity || Validities.On(today, ValidUntil, RepealedOn) == validity);
}

/// <summary>
/// The rows newest first and their positions by agency, 目录分类 and 主题分类: immutable, replaced
/// whole by each refresh that changes something (one pass over the rows).
/// </summary>
internal sealed class CatalogueRowIndex
{
    private readonly CatalogueRow[] rows;
    private readonly Dictionary<int, int[]> byAgency;
    private readonly Dictionary<int, int[]> byCategory;
    private readonly Dictionary<Topic, int[]> byTopic;

    private CatalogueRowIndex(CatalogueRow[] rows)
    {
        this.rows = rows;
        byAgency = PositionsBy(rows, r => r.AgencyId);
        byCategory = PositionsBy(rows, r => r.CategoryId ?? 0, r => r.CategoryId is not null);
        byTopic = PositionsBy(rows, r => r.Topic);
    }

    /// <summary>Each key's positions in order, in arrays of their exact length (counted first: a refresh makes no garbage but the arrays).</summary>
    private static Dictionary<TKey, int[]> PositionsBy<TKey>(CatalogueRow[] rows, Func<CatalogueRow, TKey> key, Func<CatalogueRow, bool>? listed = null)
        where TKey : notnull
    {
        var counts = new Dictionary<TKey, int>();
        foreach (var row in rows)
            if (listed?.Invoke(row) != false) counts[key(row)] = counts.GetValueOrDefault(key(row)) + 1;
        var lists = counts.ToDictionary(c => c.Key, c => new int[c.Value]);
        var filled = counts.ToDictionary(c => c.Key, _ => 0);
        for (var i = 0; i < rows.Length; i++)
        {
            if (listed?.Invoke(rows[i]) == false) continue;
            var k = key(rows[i]);
            lists[k][filled[k]++] = i;
        }
        return lists;
    }

    public int Count => rows.Length;

    public CatalogueRow this[int position] => rows[position];

    public static CatalogueRowIndex Of(IEnumerable<CatalogueRow> rows)
    {
        var sorted = rows.ToArray();
        Array.Sort(sorted, CatalogueRow.NewestFirst);
        return new CatalogueRowIndex(sorted);
    }

    /// <summary>These rows without the documents gone (or changed) and with those added: a merge, as both are in order.</summary>
    public CatalogueRowIndex With(List<CatalogueRow> added, HashSet<int> gone)
    {
        added.Sort(CatalogueRow.NewestFirst);
        var merged = new CatalogueRow[rows.Length - gone.Count + added.Count];
        int n = 0, a = 0;
        foreach (var row in rows)
        {
            if (gone.Contains(row.Id)) continue;
            while (a < added.Count && CatalogueRow.Newer(added[a], row)) merged[n++] = added[a++];
            merged[n++] = row;
        }
        while (a < added.Count) merged[n++] = added[a++];
        return new CatalogueRowIndex(merged);
    }

    /// <summary>
    /// A page of the list as <see cref="CatalogueList.PageAsync"/> reads it from the database: the
    /// same rows, the same cursors. Walks the shortest of the lists the filter names (from the year's
    /// and the cursor's bounds, found by binary search) and checks each row against the rest.
    /// </summary>
    public (List<CatalogueRow> Rows, string? Older, string? Newer) Page(CatalogueFilter filter, string? older, string? newer, DateOnly today)
    {
        var positions = Positions(filter);
        var count = positions?.Length ?? rows.Length;
        CatalogueRow At(int i) => rows[positions is null ? i : positions[i]];
        // The first index whose row is older than the bound (all of them after it are too).
        int FirstOlder(Func<CatalogueRow, bool> older)
        {
            int lo = 0, hi = count;
            while (lo < hi)
            {
                var mid = lo + (hi - lo) / 2;
                if (older(At(mid))) hi = mid;
                else lo = mid + 1;
            }
            return lo;
        }
        int start = 0, end = count;
        if (filter.Year is { } year)
        {
            var from = ChinaTime.StartOfDayUtc(new DateOnly(year, 1, 1));
            var to = ChinaTime.StartOfDayUtc(new DateOnly(year + 1, 1, 1));
            start = FirstOlder(r => r.PublishedAt < to);
            end = FirstOlder(r => r.PublishedAt < from);
        }
        var found = new List<CatalogueRow>(CatalogueList.PageSize + 1);
        if (CatalogueCursor.TryParse(newer, out var n))
        {
            // The rows just newer than the cursor, nearest first, then turned newest first.
            end = Math.Min(end, FirstOlder(r => r.PublishedAt < n.At || (r.PublishedAt == n.At && r.Id <= n.Id)));
            for (var i = end - 1; i >= start && found.Count <= CatalogueList.PageSize; i--)
                if (At(i) is var row && row.Matches(filter, today)) found.Add(row);
            var more = found.Count > CatalogueList.PageSize;
            var page = found.Take(CatalogueList.PageSize).Reverse().ToList();
            return (page, page.Count > 0 ? CatalogueCursor.Of(page[^1].PublishedAt, page[^1].Id) : null,
                more ? CatalogueCursor.Of(page[0].PublishedAt, page[0].Id) : null);
        }
        var hasOlderCursor = CatalogueCursor.TryParse(older, out var o);
        if (hasOlderCursor) start = Math.Max(start, FirstOlder(r => r.PublishedAt < o.At || (r.PublishedAt == o.At && r.Id < o.Id)));
        for (var i = start; i < end && found.Count <= CatalogueList.PageSize; i++)
            if (At(i) is var row && row.Matches(filter, today)) found.Add(row);
        var further = found.Count > CatalogueList.PageSize;
        if (further) found.RemoveAt(found.Count - 1);
        return (found, further ? CatalogueCursor.Of(found[^1].PublishedAt, found[^1].Id) : null,
            hasOlderCursor && found.Count > 0 ? CatalogueCursor.Of(found[0].PublishedAt, found[0].Id) : null);
    }

    /// <summary>The shortest list the filter names (null: every row); an unknown key names an empty one.</summary>
    private int[]? Positions(CatalogueFilter filter)
    {
        int[]? shortest = null;
        void Consider(int[] list)
        {
            if (shortest is null || list.Length < shortest.Length) shortest = list;
        }
        if (filter.AgencyId is { } agency) Consider(byAgency.GetValueOrDefault(agency, []));
        if (filter.CategoryId is { } category) Consider(byCategory.GetValueOrDefault(category, []));
        if (filter.Topic is { } topic) Consider(byTopic.GetValueOrDefault(topic, []));
        return shortest;
    }
}
