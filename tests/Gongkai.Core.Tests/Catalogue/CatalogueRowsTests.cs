using System.Globalization;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gongkai.Core.Tests.Catalogue;

/// <summary>The catalogue list's rows in memory give the database's pages, and follow changes however they are made.</summary>
public sealed class CatalogueRowsTests
{
    private static readonly DateTimeOffset Today = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Page_FromMemory_IsThePageFromTheDatabase_ForEveryFilterAndCursor(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new ManualClock(Today));
        var catalogue = await MixedCatalogueAsync(database);
        await using var scope = database.Scope();
        var (fromDatabase, fromMemory) = await BothListsAsync(scope);
        await SameEverywhereAsync(fromDatabase, fromMemory, catalogue);
    }

    /// <summary>Every page of every filter, forward and back, and pages from cursors of other lists or no cursors at all.</summary>
    private static async Task SameEverywhereAsync(CatalogueList fromDatabase, CatalogueList fromMemory, MixedCatalogue catalogue)
    {
        var foreignCursors = new List<string>();
        foreach (var filter in catalogue.Filters())
        {
            // Forward through every page by the older cursor, then back by the newer cursor.
            var pages = new List<CataloguePage>();
            string? older = null;
            do
            {
                var page = await SamePageAsync(fromDatabase, fromMemory, filter, older, null);
                pages.Add(page);
                older = page.Older;
                if (page.Items.Count > 0) foreignCursors.Add(CatalogueCursor.Of(page.Items[^1]));
            }
            while (older is not null);
            for (var newer = pages[^1].Newer; newer is not null;)
                newer = (await SamePageAsync(fromDatabase, fromMemory, filter, null, newer)).Newer;
            if (filter == new CatalogueFilter()) pages.Sum(p => p.Items.Count).ShouldBe(catalogue.Published);
        }
        foreach (var filter in catalogue.Filters().Take(12))
            foreach (var cursor in foreignCursors.Where((_, i) => i % 7 == 0).Append("12-x").Append("-5").Append("99999999999999999999-1"))
            {
                await SamePageAsync(fromDatabase, fromMemory, filter, cursor, null);
                await SamePageAsync(fromDatabase, fromMemory, filter, null, cursor);
            }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refresh_ChangesSavedByAnotherProcess_ShownAndToldAtTheNextLookNotBefore(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new ManualClock(Today));
        var catalogue = await MixedCatalogueAsync(database);
        var rows = database.Services.GetRequiredService<CatalogueRows>();
        var told = new List<CatalogueChange>();
        rows.OnApplied(changes =>
        {
            told.AddRange(changes);
            return Task.CompletedTask;
        });
        await using var scope = database.Scope();
        var (fromDatabase, fromMemory) = await BothListsAsync(scope);
        var first = await fromMemory.PageAsync(new CatalogueFilter(), null, null);

        // Saved with a context of its own and announced to nobody, as a command-line import or another server does.
        int added, withdrawn = first.Items[0].Id, retitled = first.Items[1].Id;
        await using (var other = await database.Services.GetRequiredService<IDbContextFactory<GongkaiDbContext>>().CreateDbContextAsync())
        {
            var document = catalogue.Document("另一进程发布的公告", catalogue.Agencies[1], Today.UtcDateTime.AddHours(-1));
            other.Documents.Add(document);
            (await other.Documents.SingleAsync(d => d.Id == withdrawn)).Status = PublishingStatus.Withdrawn;
            (await other.Documents.SingleAsync(d => d.Id == retitled)).Title = "改过的标题";
            await other.SaveChangesAsync();
            added = document.Id;
        }
        (await fromMemory.PageAsync(new CatalogueFilter(), null, null)).Items.ShouldBe(first.Items);

        var changes = await rows.RefreshAsync(CancellationToken.None);

        // A changed row is told where it was listed and where it is now.
        changes.Select(c => c.DocumentId).ShouldBe([added, withdrawn, retitled, retitled], ignoreOrder: true);
        told.ShouldBe(changes);
        changes.Single(c => c.DocumentId == added).AnywhereInLists.ShouldBeFalse("the newest document heads its lists");
        changes.Where(c => c.DocumentId != added).ShouldAllBe(c => c.AnywhereInLists);
        var now = await SamePageAsync(fromDatabase, fromMemory, new CatalogueFilter(), null, null);
        now.Items[0].Id.ShouldBe(added);
        now.Items.ShouldNotContain(d => d.Id == withdrawn);
        now.Items.Single(d => d.Id == retitled).Title.ShouldBe("改过的标题");
        // The next look reads the same saves again (they are within the overlap) and finds nothing new to tell.
        (await rows.RefreshAsync(CancellationToken.None)).ShouldBeEmpty();
        told.Count.ShouldBe(4);
        await SameEverywhereAsync(fromDatabase, fromMemory, catalogue);

        // Changes that move rows: an older document imported, another's 主题分类 and date changed, one withdrawn back to published.
        await using (var other = await database.Services.GetRequiredService<IDbContextFactory<GongkaiDbContext>>().CreateDbContextAsync())
        {
            other.Documents.Add(catalogue.Document("补录的旧文件", catalogue.Agencies[0], new DateTime(2024, 5, 6, 1, 0, 0, DateTimeKind.Utc)));
            var moved = await other.Documents.SingleAsync(d => d.Id == first.Items[3].Id);
            moved.Topic = Topic.FinanceAndAudit;
            moved.PublishedAt = moved.PublishedAt!.Value.AddDays(-400);
            moved.PublishedOn = DateOnly.FromDateTime(ChinaTime.FromUtc(moved.PublishedAt.Value));
            (await other.Documents.SingleAsync(d => d.Id == withdrawn)).Status = PublishingStatus.Published;
            await other.SaveChangesAsync();
        }
        (await rows.RefreshAsync(CancellationToken.None)).ShouldNotBeEmpty();
        catalogue.Published += 2;
        await SameEverywhereAsync(fromDatabase, fromMemory, catalogue);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rows_PublishedOrWithdrawnThroughTheSteps_InTheListWhenTheStepReturns(DatabaseProvider provider)
    {
        var clock = new ManualClock(Today);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        var world = await CatalogueWorld.CreateAsync(database);
        await world.PublishedAsync("旧公告");
        await using var scope = database.Scope();
        var (fromDatabase, fromMemory) = await BothListsAsync(scope);

        clock.Now = clock.Now.AddMinutes(5);
        var published = await world.PublishedAsync(world.Input("新公告") with { Topic = Topic.FinanceAndAudit });
        (await SamePageAsync(fromDatabase, fromMemory, new CatalogueFilter(), null, null)).Items[0].Id.ShouldBe(published.Id);
        await SameCountsAsync(scope, fromMemory, world.Agency.Id, 2);

        CatalogueWorld.Ok(await scope.ServiceProvider.GetRequiredService<Publishing>().WithdrawAsync(published.Id, published.Version, "有误", world.Handler));
        (await SamePageAsync(fromDatabase, fromMemory, new CatalogueFilter(), null, null)).Items.ShouldNotContain(d => d.Id == published.Id);
        await SameCountsAsync(scope, fromMemory, world.Agency.Id, 1);
    }

    /// <summary>The facets counted from the rows are those of the counts table the steps keep, without a query after the change.</summary>
    private static async Task SameCountsAsync(AsyncServiceScope scope, CatalogueList fromMemory, int agency, int total)
    {
        var services = scope.ServiceProvider;
        var notLoaded = new CatalogueRows(services.GetRequiredService<IDbContextFactory<GongkaiDbContext>>(), new CatalogueChanges(), NullLogger<CatalogueRows>.Instance);
        var fromTable = await new CatalogueSnapshotCache(new CatalogueChanges(), notLoaded, services.GetRequiredService<TimeProvider>())
            .SnapshotAsync(services.GetRequiredService<GongkaiDbContext>(), CancellationToken.None);
        var fromRows = await fromMemory.SnapshotAsync();
        fromRows.Facets(new CatalogueFilter()).Total.ShouldBe(total);
        foreach (var filter in new CatalogueFilter[] { new(), new(AgencyId: agency), new(Topic: Topic.FinanceAndAudit), new(AgencyId: agency, Year: 2026) })
        {
            var (expected, actual) = (fromTable.Facets(filter), fromRows.Facets(filter));
            actual.Total.ShouldBe(expected.Total, filter.ToString());
            actual.Years.ShouldBe(expected.Years, filter.ToString());
            actual.Topics.ShouldBe(expected.Topics, filter.ToString());
            actual.Categories.ShouldBe(expected.Categories, filter.ToString());
            actual.Agencies.ShouldBe(expected.Agencies, filter.ToString());
        }
    }

    /// <summary>A list that reads the database, and the scope's own, whose rows are loaded.</summary>
    private static async Task<(CatalogueList FromDatabase, CatalogueList FromMemory)> BothListsAsync(AsyncServiceScope scope)
    {
        var services = scope.ServiceProvider;
        await services.GetRequiredService<CatalogueRows>().LoadAsync(CancellationToken.None);
        var notLoaded = new CatalogueRows(services.GetRequiredService<IDbContextFactory<GongkaiDbContext>>(), new CatalogueChanges(), NullLogger<CatalogueRows>.Instance);
        var clock = services.GetRequiredService<TimeProvider>();
        var fromDatabase = new CatalogueList(services.GetRequiredService<GongkaiDbContext>(), new CatalogueSnapshotCache(new CatalogueChanges(), notLoaded, clock),
            notLoaded, clock);
        return (fromDatabase, services.GetRequiredService<CatalogueList>());
    }

    private static async Task<CataloguePage> SamePageAsync(CatalogueList fromDatabase, CatalogueList fromMemory, CatalogueFilter filter, string? older, string? newer)
    {
        var expected = await fromDatabase.PageAsync(filter, older, newer);
        var actual = await fromMemory.PageAsync(filter, older, newer);
        actual.Items.ShouldBe(expected.Items, $"{filter} older {older} newer {newer}");
        actual.Items.ShouldAllBe(d => d.PublishedAt!.Value.Kind == DateTimeKind.Utc);
        actual.Older.ShouldBe(expected.Older, $"{filter} older {older} newer {newer}: the older cursor");
        actual.Newer.ShouldBe(expected.Newer, $"{filter} older {older} newer {newer}: the newer cursor");
        return actual;
    }

    /// <summary>
    /// 150 documents of two agencies, written straight into the database: three 目录分类, three
    /// 主题分类, normative and ordinary, published 2024 to 2026 with instants shared by several and
    /// two on either side of a Beijing new year, some withdrawn, repealed or expired.
    /// </summary>
    private static async Task<MixedCatalogue> MixedCatalogueAsync(TestDatabase database)
    {
        var world = await CatalogueWorld.CreateAsync(database);
        var other = await CatalogueWorld.CreateAsync(database, "另一机关");
        var head = world.Handler with { Roles = [Core.Accounts.Roles.OfficeHead] };
        await using var scope = database.Scope();
        var categories = scope.ServiceProvider.GetRequiredService<CatalogueCategories>();
        int[] ids = [(await categories.AddAsync(world.Agency.Id, "财政信息", head)).Value!.Id, (await categories.AddAsync(world.Agency.Id, "人事信息", head)).Value!.Id];
        var catalogue = new MixedCatalogue([world.Agency.Id, other.Agency.Id], ids);
        var random = new Random(7);
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var at = new DateTime(2024, 1, 3, 1, 0, 0, DateTimeKind.Utc);
        var newYear = ChinaTime.StartOfDayUtc(new DateOnly(2026, 1, 1));
        for (var i = 0; i < 150; i++)
        {
            // Every third shares the instant before it; two straddle midnight of 2026-01-01 in Beijing.
            at = i == 100 ? newYear.AddSeconds(-1) : i == 101 ? newYear : i % 3 == 2 ? at : at.AddHours(random.Next(1, i < 100 ? 400 : 24));
            var agency = catalogue.Agencies[random.Next(2)];
            var document = catalogue.Document(string.Create(CultureInfo.InvariantCulture, $"第{i}号文件"), agency, at);
            document.CategoryId = agency == world.Agency.Id && random.Next(3) is var c && c < 2 ? ids[c] : null;
            document.Topic = MixedCatalogue.Topics[random.Next(MixedCatalogue.Topics.Length)];
            document.Kind = random.Next(4) switch { 0 => DocumentKind.NormativeDocument, 1 => DocumentKind.Rule, _ => DocumentKind.Ordinary };
            if (random.Next(10) == 0) document.Status = PublishingStatus.Withdrawn;
            else catalogue.Published++;
            if (random.Next(8) == 0) document.RepealedOn = DateOnly.FromDateTime(at).AddDays(random.Next(-10, 900));
            if (random.Next(6) == 0) document.ValidUntil = DateOnly.FromDateTime(at).AddDays(random.Next(0, 900));
            db.Documents.Add(document);
        }
        await db.SaveChangesAsync();
        return catalogue;
    }

    private sealed class MixedCatalogue(int[] agencies, int[] categories)
    {
        public static readonly Topic[] Topics = [Topic.General, Topic.FinanceAndAudit, Topic.HealthAndSports];

        public int[] Agencies { get; } = agencies;

        public int Published { get; set; }

        public Document Document(string title, int agency, DateTime publishedAt) => new()
        {
            AgencyId = agency, Title = title, Publisher = "发布机构" + agency, Topic = Topic.General, Status = PublishingStatus.Published,
            IndexNumber = "IDX-" + title, PublishedAt = publishedAt, PublishedOn = DateOnly.FromDateTime(ChinaTime.FromUtc(publishedAt)),
            CreatedAt = publishedAt, UpdatedAt = publishedAt, Version = 1,
        };

        public IEnumerable<CatalogueFilter> Filters()
        {
            yield return new CatalogueFilter();
            foreach (var agency in Agencies.Append(99_999))
            {
                yield return new CatalogueFilter(AgencyId: agency);
                yield return new CatalogueFilter(AgencyId: agency, Year: 2025);
                yield return new CatalogueFilter(AgencyId: agency, Topic: Topic.FinanceAndAudit, Year: 2026);
            }
            foreach (var category in categories)
            {
                yield return new CatalogueFilter(AgencyId: Agencies[0], CategoryId: category);
                yield return new CatalogueFilter(CategoryId: category, Topic: Topic.General);
            }
            foreach (var topic in Topics) yield return new CatalogueFilter(Topic: topic);
            foreach (var year in new[] { 2023, 2024, 2025, 2026 }) yield return new CatalogueFilter(Year: year);
            foreach (var validity in Enum.GetValues<Validity>()) yield return new CatalogueFilter(Validity: validity);
            yield return new CatalogueFilter(Normative: true);
            yield return new CatalogueFilter(Normative: false, Year: 2024);
            yield return new CatalogueFilter(AgencyId: Agencies[1], Validity: Validity.Valid, Normative: true);
        }
    }
}
