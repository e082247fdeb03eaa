using Gongkai.Core.Catalogue;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Catalogue;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Catalogue;

public sealed class CatalogueListTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PageAsync_KeysetPaging_EveryDocumentOnceNewestFirstBothWays(DatabaseProvider provider)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        var world = await CatalogueWorld.CreateAsync(database);
        var published = new List<int>();
        for (var i = 0; i < CatalogueList.PageSize * 2 + 5; i++)
        {
            // Several documents share a publishing instant: the id breaks the tie.
            if (i % 3 == 0) clock.Now = clock.Now.AddMinutes(1);
            published.Add((await world.PublishedAsync($"第{i}号公告")).Id);
        }
        await using var scope = database.Scope();
        var list = scope.ServiceProvider.GetRequiredService<CatalogueList>();

        var first = await list.PageAsync(new CatalogueFilter(), null, null);
        var second = await list.PageAsync(new CatalogueFilter(), first.Older, null);
        var third = await list.PageAsync(new CatalogueFilter(), second.Older, null);
        var back = await list.PageAsync(new CatalogueFilter(), null, third.Newer);

        first.Newer.ShouldBeNull();
        third.Older.ShouldBeNull();
        first.Items.Concat(second.Items).Concat(third.Items).Select(d => d.Id).ShouldBe(Enumerable.Reverse(published));
        back.Items.Select(d => d.Id).ShouldBe(second.Items.Select(d => d.Id));
        back.Newer.ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PageAsync_YearWithCursors_PagesWithinTheYearWhereverTheCursorIs(DatabaseProvider provider)
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 6, 1, 2, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        var world = await CatalogueWorld.CreateAsync(database);
        await world.PublishedAsync("2024年公告");
        clock.Now = new DateTimeOffset(2025, 3, 2, 2, 0, 0, TimeSpan.Zero);
        var inYear = new List<int>();
        for (var i = 0; i < CatalogueList.PageSize + 3; i++)
        {
            clock.Now = clock.Now.AddDays(1);
            inYear.Add((await world.PublishedAsync($"2025年第{i}号公告")).Id);
        }
        clock.Now = new DateTimeOffset(2026, 2, 2, 2, 0, 0, TimeSpan.Zero);
        await world.PublishedAsync("2026年公告");
        await using var scope = database.Scope();
        var list = scope.ServiceProvider.GetRequiredService<CatalogueList>();
        // A cursor as the list writes it: 发布时间 (UTC ticks) and id.
        async Task<string> CursorInAsync(int year)
        {
            var d = (await list.PageAsync(new CatalogueFilter(Year: year), null, null)).Items.Single();
            return FormattableString.Invariant($"{d.PublishedAt!.Value.Ticks}-{d.Id}");
        }
        var before = await CursorInAsync(2024);
        var after = await CursorInAsync(2026);
        var year = new CatalogueFilter(Year: 2025);

        var first = await list.PageAsync(year, null, null);
        var second = await list.PageAsync(year, first.Older, null);

        first.Items.Concat(second.Items).Select(d => d.Id).ShouldBe(Enumerable.Reverse(inYear));
        second.Older.ShouldBeNull();
        (await list.PageAsync(year, after, null)).Items.Select(d => d.Id).ShouldBe(first.Items.Select(d => d.Id));
        (await list.PageAsync(year, null, before)).Items.Select(d => d.Id).ShouldBe(Enumerable.Reverse(inYear).Skip(3));
        (await list.PageAsync(year, before, null)).Items.ShouldBeEmpty();
        (await list.PageAsync(year, null, after)).Items.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Filters_AndFacetCounts_FollowPublishingAndWithdrawing(DatabaseProvider provider)
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 12, 31, 17, 0, 0, TimeSpan.Zero)); // 2026-01-01 01:00 in Beijing
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        var world = await CatalogueWorld.CreateAsync(database);
        var other = await CatalogueWorld.CreateAsync(database, "另一机关");
        await using var scope = database.Scope();
        var categories = scope.ServiceProvider.GetRequiredService<CatalogueCategories>();
        var head = world.Handler with { Roles = [Core.Accounts.Roles.OfficeHead] };
        var budget = (await categories.AddAsync(world.Agency.Id, "财政信息", head)).Value!;

        var a = await world.PublishedAsync(world.Input("2026年部门预算") with { CategoryId = budget.Id, Topic = Topic.FinanceAndAudit });
        var b = await world.PublishedAsync("春节值班安排");
        clock.Now = new DateTimeOffset(2025, 12, 31, 15, 0, 0, TimeSpan.Zero); // 2025-12-31 23:00 in Beijing
        var c = await other.PublishedAsync("2025年工作总结");
        var list = scope.ServiceProvider.GetRequiredService<CatalogueList>();

        (await list.PageAsync(new CatalogueFilter(Year: 2026), null, null)).Items.Select(d => d.Id).ShouldBe([b.Id, a.Id]);
        (await list.PageAsync(new CatalogueFilter(Year: 2025), null, null)).Items.Select(d => d.Id).ShouldBe([c.Id]);
        (await list.PageAsync(new CatalogueFilter(CategoryId: budget.Id), null, null)).Items.ShouldHaveSingleItem().CategoryName.ShouldBe("财政信息");
        (await list.PageAsync(new CatalogueFilter(Topic: Topic.FinanceAndAudit), null, null)).Items.ShouldHaveSingleItem().Id.ShouldBe(a.Id);
        var facets = (await list.SnapshotAsync()).Facets(new CatalogueFilter(AgencyId: world.Agency.Id));
        facets.Total.ShouldBe(2);
        facets.Years.ShouldBe([(2026, 2)]);
        facets.Topics.ShouldBe([(Topic.General, 1), (Topic.FinanceAndAudit, 1)]);
        facets.Categories.ShouldBe([(budget.Id, 1)]);
        facets.Agencies.ShouldBe([(world.Agency.Id, 2), (other.Agency.Id, 1)], ignoreOrder: true);

        CatalogueWorld.Ok(await scope.ServiceProvider.GetRequiredService<Publishing>().WithdrawAsync(a.Id, a.Version, "有误", world.Handler));
        (await list.SnapshotAsync()).Facets(new CatalogueFilter()).Total.ShouldBe(2);
        (await list.SnapshotAsync()).Facets(new CatalogueFilter(CategoryId: budget.Id)).Total.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Snapshot_AgencyRenamedCreatedOrCategoryAdded_ShownAtOnceNotAfterTheMinute(DatabaseProvider provider)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        var world = await CatalogueWorld.CreateAsync(database);
        await world.PublishedAsync("春节值班安排");
        await using var scope = database.Scope();
        var list = scope.ServiceProvider.GetRequiredService<CatalogueList>();
        var before = await list.SnapshotAsync();
        before.Agencies.ShouldContain((world.Agency.Id, world.Agency.Name));
        before.CategoriesOf(world.Agency.Id).ShouldBeEmpty();
        (await list.SnapshotAsync()).ShouldBeSameAs(before);

        var agencies = scope.ServiceProvider.GetRequiredService<Core.Agencies.AgencyService>();
        var renamed = await agencies.UpdateAsync(world.Agency.Id, Core.Agencies.AgencyInput.From(world.Agency) with { Name = "示范市改名局" }, Core.Audit.AuditActor.System);
        renamed.Succeeded.ShouldBeTrue();
        var head = world.Handler with { Roles = [Core.Accounts.Roles.OfficeHead] };
        var budget = (await scope.ServiceProvider.GetRequiredService<CatalogueCategories>().AddAsync(world.Agency.Id, "财政信息", head)).Value!;
        (await list.SnapshotAsync()).ShouldNotBeSameAs(before);
        var between = await list.SnapshotAsync();
        // Created in a transaction of its own, told after its commit.
        var created = await CatalogueWorld.CreateAsync(database, "示范市新设局");

        var after = await list.SnapshotAsync();
        after.ShouldNotBeSameAs(between);
        after.Agencies.ShouldContain((created.Agency.Id, "示范市新设局"));
        after.Agencies.ShouldContain((world.Agency.Id, "示范市改名局"));
        after.CategoriesOf(world.Agency.Id).Select(c => c.Id).ShouldBe([budget.Id]);
        after.Facets(new CatalogueFilter(AgencyId: world.Agency.Id)).Total.ShouldBe(1);
    }
}
