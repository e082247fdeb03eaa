using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Gongkai.Core.Catalogue;

/// <summary>
/// The catalogue list's rows held in memory on each server: every published document's list
/// metadata (the server grew by about 460 MB for a million), in the order of publication, with its
/// positions by agency, 目录分类 and 主题分类 and the counts the facets show, so a list page costs no query. Loaded once when the server starts
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
    private readonly ICatalogueStamp? stamp;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly List<Func<IReadOnlyList<CatalogueChange>, Task>> applied = [];
    // The refresher's own copies, changed only under the gate: the rows by id, and the published
    // documents by agency, category (0 for none), 主题分类 and year. Readers see the index and counts.
    private Dictionary<int, CatalogueRow> byId = [];
    private readonly Dictionary<(int Agency, int Category, Topic Topic, int Year), int> counted = [];
    private DateTime lastLook;
    // The shared count of changes as of the start of the last load or refresh (0 without one).
    private long seen;
    private volatile CatalogueRowIndex? index;
    private volatile CatalogueCount[]? counts;

    public CatalogueRows(IDbContextFactory<GongkaiDbContext> contexts, CatalogueChanges changes, ILogger<CatalogueRows> logger, ICatalogueStamp? stamp = null)
    {
        this.contexts = contexts;
        this.logger = logger;
        this.stamp = stamp;
        changes.OnChangedAnywhere(_ => index is null ? Task.CompletedTask : RefreshAsync(CancellationToken.None));
    }

    /// <summary>
    /// The rows, first brought up to date if another server counted a change (<see cref="ICatalogueStamp"/>)
    /// since they were read; null until loaded.
    /// </summary>
    internal async Task<CatalogueRowIndex?> CurrentAsync(CancellationToken cancellationToken)
    {
        if (index is null || stamp is null) return index;
        if (await stamp.CurrentAsync() is { } now && now > Interlocked.Read(ref seen)) await RefreshAsync(cancellationToken, behind: now);
        return index;
    }

    public bool Loaded => index is not null;

    /// <summary>
    /// The counts of the documents the rows hold (a <see cref="CatalogueCount"/> for each agency,
    /// category, 主题分类 and year with any), a new array after each change: what the portal's
    /// facets count once the rows are loaded, so the counts always agree with the list; null until loaded.
    /// </summary>
    public IReadOnlyList<CatalogueCount>? Counts => counts;

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
            var stamped = await SeenAsync();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var strings = new Dictionary<string, string>(StringComparer.Ordinal);
            var rows = new Dictionary<int, CatalogueRow>();
            await foreach (var (row, published) in Rows(db.Documents.AsNoTracking().Published()).AsAsyncEnumerable().WithCancellation(cancellationToken))
                if (published) rows[row.Id] = row with { Publisher = Shared(strings, row.Publisher) };
            byId = rows;
            lastLook = look;
            Interlocked.Exchange(ref seen, stamped);
            counted.Clear();
            foreach (var row in rows.Values) Counting(row, 1);
            index = CatalogueRowIndex.Of(rows.Values);
            counts = Counted();
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
    public Task<IReadOnlyList<CatalogueChange>> RefreshAsync(CancellationToken cancellationToken) => RefreshAsync(cancellationToken, behind: null);

    /// <param name="behind">Only if the rows have still not seen this count once it is this refresh's turn: the requests that waited behind one refresh do not each run another.</param>
    private async Task<IReadOnlyList<CatalogueChange>> RefreshAsync(CancellationToken cancellationToken, long? behind)
    {
        List<CatalogueChange> changes = [];
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (index is not { } current || Interlocked.Read(ref seen) >= behind) return [];
            var look = DateTime.UtcNow;
            // Read before the documents: every change counted by then is committed, so this refresh sees it.
            var stamped = await SeenAsync();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var since = lastLook - Overlap;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var saved = await Rows(db.Documents.AsNoTracking().Where(d => d.ChangedAt >= since)).ToListAsync(cancellationToken);
            var next = current;
            var rearrange = false;
            // Oldest first, so that several publications go at the end in their order.
            foreach (var (row, published) in saved.OrderBy(s => s.Row, Comparer<CatalogueRow>.Create(CatalogueRow.Compare)))
            {
                var had = byId.GetValueOrDefault(row.Id);
                if (published && row == had) continue;
                if (had is not null)
                {
                    // Where it was listed, anywhere in those lists.
                    changes.Add(had.Change(anywhereInLists: true));
                    Counting(had, -1);
                    if (published) Counting(row, 1);
                    if (published && had.SamePlace(row))
                    {
                        byId[row.Id] = row;
                        rearrange = rearrange || !next.TryReplace(had, row, out next);
                        changes.Add(row.Change(anywhereInLists: true));
                        continue;
                    }
                    byId.Remove(row.Id);
                    rearrange = rearrange || !next.TryReplace(had, had with { Gone = true }, out next);
                }
                if (!published) continue;
                if (had is null) Counting(row, 1);
                byId[row.Id] = row;
                // A document newer than all others goes at the end and heads its lists; anywhere else the rows are arranged anew.
                var newest = next.Newest is not { } last || CatalogueRow.Compare(last, row) < 0;
                if (newest && !rearrange) next = next.Append(row);
                else rearrange = true;
                changes.Add(row.Change(anywhereInLists: had is not null || !newest));
            }
            lastLook = look;
            Interlocked.Exchange(ref seen, Math.Max(Interlocked.Read(ref seen), stamped));
            if (changes.Count == 0) return [];
            index = rearrange ? CatalogueRowIndex.Of(byId.Values) : next;
            counts = Counted();
            logger.LogDebug("Catalogue list rows: {Changes} changes from {Saved} documents saved since {Since:o} applied in {Milliseconds} ms{Rearranged}", changes.Count,
                saved.Count, since, watch.ElapsedMilliseconds, rearrange ? ", arranged anew" : "");
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

    private async Task<long> SeenAsync() => stamp is null ? 0 : await stamp.CurrentAsync() ?? Interlocked.Read(ref seen);

    private void Counting(CatalogueRow row, int by)
    {
        var key = (row.AgencyId, row.CategoryId ?? 0, row.Topic, row.PublishedOn?.Year ?? 0);
        if ((counted[key] = counted.GetValueOrDefault(key) + by) == 0) counted.Remove(key);
    }

    private CatalogueCount[] Counted() =>
        [.. counted.Select(c => new CatalogueCount { AgencyId = c.Key.Agency, CategoryId = c.Key.Category, Topic = c.Key.Topic, Year = c.Key.Year, DocumentCount = c.Value })];

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
    /// <summary>Withdrawn (or no longer published) since the rows were arranged: kept in its place, listed nowhere.</summary>
    public bool Gone { get; init; }

    /// <summary>The rows' order, oldest first: 发布时间, then id (the list shows it the other way round).</summary>
    public static int Compare(CatalogueRow a, CatalogueRow b) => a.CompareTo(b.PublishedAt, b.Id);

    /// <summary>This row's place against a position in the list (a cursor's): negative before it, positive after.</summary>
    public int CompareTo(DateTime at, int id) => PublishedAt != at ? PublishedAt.CompareTo(at) : Id.CompareTo(id);

    /// <summary>Whether another version of this document sits in the same place of every list.</summary>
    public bool SamePlace(CatalogueRow other) =>
        Id == other.Id && PublishedAt == other.PublishedAt && AgencyId == other.AgencyId && CategoryId == other.CategoryId && Topic == other.Topic;

    public DocumentSummary Summary(string? categoryName) =>
        new(Id, Title, IndexNumber, DocumentNumber, Publisher, Kind, Topic, categoryName, IssuedOn, PublishedOn, DateTime.SpecifyKind(PublishedAt, DateTimeKind.Utc),
            ValidUntil, RepealedOn);

    public CatalogueChange Change(bool anywhereInLists) =>
        new(Id, AgencyId, CategoryId, Topic, PublishedOn?.Year ?? 0, anywhereInLists, [.. new[] { InterpretsId, ReplacesId }.OfType<int>()]);

    public bool Matches(CatalogueFilter filter, DateOnly today) =>
        !Gone
        && (filter.AgencyId is not { } agency || AgencyId == agency)
        && (filter.CategoryId is not { } category || CategoryId == category)
        && (filter.Topic is not { } topic || Topic == topic)
        && (filter.Normative is not { } normative || (Kind is DocumentKind.Rule or DocumentKind.NormativeDocument) == normative)
        && (filter.Validity is not { } validity || Validities.On(today, ValidUntil, RepealedOn) == validity);
}

/// <summary>
/// The rows oldest first, and each agency's, 目录分类's and 主题分类's positions among them. A
/// publication (a document newer than all the others) goes at the end: this index's arrays have
/// room beyond their counts, so the next index shares them and adds one row and three positions,
/// and a page being read from this one never looks past its own counts. A withdrawal leaves its row
/// in place marked <see cref="CatalogueRow.Gone"/>, and a change that keeps a row's place replaces
/// it there; anything else (an import of older documents, a new date or agency) arranges the rows
/// anew from the documents held.
/// </summary>
internal sealed class CatalogueRowIndex
{
    private readonly CatalogueRow[] rows;
    private readonly int count;
    private readonly Lists byAgency;
    private readonly Lists byCategory;
    private readonly Lists byTopic;

    private CatalogueRowIndex(CatalogueRow[] rows, int count, int live, Lists byAgency, Lists byCategory, Lists byTopic)
    {
        this.rows = rows;
        this.count = count;
        Count = live;
        this.byAgency = byAgency;
        this.byCategory = byCategory;
        this.byTopic = byTopic;
    }

    /// <summary>Documents listed (rows not gone).</summary>
    public int Count { get; }

    public CatalogueRow? Newest => count > 0 ? rows[count - 1] : null;

    /// <summary>The documents arranged afresh, with room for publications to come.</summary>
    public static CatalogueRowIndex Of(IEnumerable<CatalogueRow> documents)
    {
        var sorted = documents.ToArray();
        Array.Sort(sorted, CatalogueRow.Compare);
        var rows = new CatalogueRow[sorted.Length + Math.Max(1024, sorted.Length / 64)];
        sorted.CopyTo(rows, 0);
        return new CatalogueRowIndex(rows, sorted.Length, sorted.Length,
            Lists.Of(sorted, r => r.AgencyId), Lists.Of(sorted, r => r.CategoryId ?? -1), Lists.Of(sorted, r => (int)r.Topic));
    }

    /// <summary>This index and the row, newer than every row, at the end.</summary>
    public CatalogueRowIndex Append(CatalogueRow row)
    {
        var all = rows;
        if (count == all.Length)
        {
            all = new CatalogueRow[count + Math.Max(1024, count / 8)];
            Array.Copy(rows, all, count);
        }
        all[count] = row;
        return new CatalogueRowIndex(all, count + 1, Count + 1, byAgency.With(row.AgencyId, count), row.CategoryId is { } c ? byCategory.With(c, count) : byCategory,
            byTopic.With((int)row.Topic, count));
    }

    /// <summary>The row of the same document in the same place (its other version, or it gone) put there instead; false if it is not held.</summary>
    public bool TryReplace(CatalogueRow held, CatalogueRow replacement, out CatalogueRowIndex replaced)
    {
        replaced = this;
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (CatalogueRow.Compare(rows[mid], held) < 0) lo = mid + 1;
            else hi = mid;
        }
        if (lo == count || rows[lo].Id != held.Id) return false;
        rows[lo] = replacement;
        replaced = new CatalogueRowIndex(rows, count, Count - (held.Gone ? 0 : 1) + (replacement.Gone ? 0 : 1), byAgency, byCategory, byTopic);
        return true;
    }

    /// <summary>
    /// A page of the list as <see cref="CatalogueList.PageAsync"/> reads it from the database: the
    /// same rows, the same cursors. Walks the shortest of the lists the filter names (from the year's
    /// and the cursor's bounds, found by binary search) and checks each row against the rest.
    /// </summary>
    public (List<CatalogueRow> Rows, string? Older, string? Newer) Page(CatalogueFilter filter, string? older, string? newer, DateOnly today)
    {
        var (positions, length) = Positions(filter);
        CatalogueRow At(int i) => rows[positions is null ? i : positions[i]];
        // The first index from which every row passes (they are oldest first).
        int First(Func<CatalogueRow, bool> from)
        {
            int lo = 0, hi = length;
            while (lo < hi)
            {
                var mid = lo + (hi - lo) / 2;
                if (from(At(mid))) hi = mid;
                else lo = mid + 1;
            }
            return lo;
        }
        int start = 0, end = length;
        if (filter.Year is { } year)
        {
            var yearStart = ChinaTime.StartOfDayUtc(new DateOnly(year, 1, 1));
            var yearEnd = ChinaTime.StartOfDayUtc(new DateOnly(year + 1, 1, 1));
            start = First(r => r.PublishedAt >= yearStart);
            end = First(r => r.PublishedAt >= yearEnd);
        }
        var found = new List<CatalogueRow>(CatalogueList.PageSize + 1);
        if (CatalogueCursor.TryParse(newer, out var n))
        {
            // The rows just newer than the cursor, nearest first, then turned newest first.
            for (var i = Math.Max(start, First(r => r.CompareTo(n.At, n.Id) > 0)); i < end && found.Count <= CatalogueList.PageSize; i++)
                if (At(i) is var row && row.Matches(filter, today)) found.Add(row);
            var more = found.Count > CatalogueList.PageSize;
            var page = found.Take(CatalogueList.PageSize).Reverse().ToList();
            return (page, page.Count > 0 ? Cursor(page[^1]) : null, more ? Cursor(page[0]) : null);
        }
        var hasOlderCursor = CatalogueCursor.TryParse(older, out var o);
        if (hasOlderCursor) end = Math.Min(end, First(r => r.CompareTo(o.At, o.Id) >= 0));
        for (var i = end - 1; i >= start && found.Count <= CatalogueList.PageSize; i--)
            if (At(i) is var row && row.Matches(filter, today)) found.Add(row);
        var further = found.Count > CatalogueList.PageSize;
        if (further) found.RemoveAt(found.Count - 1);
        return (found, further ? Cursor(found[^1]) : null, hasOlderCursor && found.Count > 0 ? Cursor(found[0]) : null);
    }

    private static string Cursor(CatalogueRow row) => CatalogueCursor.Of(row.PublishedAt, row.Id);

    /// <summary>The shortest list the filter names (null: every row) and its length; an unknown key names an empty one.</summary>
    private (int[]? Positions, int Length) Positions(CatalogueFilter filter)
    {
        (int[]? Positions, int Length) shortest = (null, count);
        void Consider((int[] Positions, int Length) list)
        {
            if (shortest.Positions is null || list.Length < shortest.Length) shortest = list;
        }
        if (filter.AgencyId is { } agency) Consider(byAgency.Of(agency));
        if (filter.CategoryId is { } category) Consider(byCategory.Of(category));
        if (filter.Topic is { } topic) Consider(byTopic.Of((int)topic));
        return shortest;
    }

    /// <summary>
    /// Each key's positions in order, indexed by the key (agency id, category id, topic), with their
    /// counts in this index: arrays with room to spare, shared with the next index as long as a key's
    /// next position fits.
    /// </summary>
    private sealed class Lists(int[]?[] positions, int[] counts)
    {
        public (int[] Positions, int Length) Of(int key) =>
            key >= 0 && key < positions.Length && positions[key] is { } list ? (list, counts[key]) : ([], 0);

        /// <summary>Two passes: counting, then filling arrays with room for more.</summary>
        public static Lists Of(CatalogueRow[] rows, Func<CatalogueRow, int> keyOf)
        {
            var counts = Array.Empty<int>();
            foreach (var row in rows)
                if (keyOf(row) is var key and >= 0)
                {
                    if (key >= counts.Length) Array.Resize(ref counts, Math.Max(key + 1, counts.Length * 2));
                    counts[key]++;
                }
            var positions = counts.Select(n => n > 0 ? new int[n + Math.Max(16, n / 8)] : null).ToArray();
            Array.Clear(counts);
            for (var i = 0; i < rows.Length; i++)
                if (keyOf(rows[i]) is var key and >= 0)
                    positions[key]![counts[key]++] = i;
            return new Lists(positions, counts);
        }

        /// <summary>These lists and the position at the end of the key's.</summary>
        public Lists With(int key, int position)
        {
            var all = positions;
            var used = counts;
            if (key >= all.Length)
            {
                Array.Resize(ref all, key + 1);
                Array.Resize(ref used, key + 1);
            }
            else
            {
                all = (int[]?[])all.Clone();
                used = (int[])used.Clone();
            }
            var list = all[key] ?? new int[16];
            if (used[key] == list.Length)
            {
                var larger = new int[list.Length + Math.Max(16, list.Length / 4)];
                Array.Copy(list, larger, used[key]);
                list = larger;
            }
            list[used[key]++] = position;
            all[key] = list;
            return new Lists(all, used);
        }
    }
}
