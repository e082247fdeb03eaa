using Gongkai.Core.Catalogue;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Catalogue;

public sealed class IndexNumberTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublishAsync_ConcurrentPublishers_EachGetsItsOwnSerialWithoutGaps(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CatalogueWorld.CreateAsync(database);
        var approved = new List<Document>();
        for (var i = 0; i < 12; i++) approved.Add(await world.ApprovedAsync(world.Input($"并发发布测试{i}")));

        // Each publisher has its own scope and so its own DbContext and connection, as concurrent web requests do.
        var published = await Task.WhenAll(approved.Select(d => Task.Run(async () =>
        {
            await using var scope = database.Scope();
            return CatalogueWorld.Ok(await scope.ServiceProvider.GetRequiredService<Publishing>().PublishAsync(d.Id, d.Version, world.Handler));
        })));

        var stem = CreditCode.OrganizationCode(world.Agency.OrganizationCode);
        var numbers = published.Select(d => IndexNumber.TryParse(d.IndexNumber, out var n) ? n : default).ToList();
        numbers.ShouldAllBe(n => n.OrganizationCode == stem && n.Year == published[0].PublishedOn!.Value.Year);
        numbers.Select(n => n.Serial).Order().ShouldBe(Enumerable.Range(1, 12));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublishAsync_AfterAWithdrawal_NeverReusesTheNumber(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CatalogueWorld.CreateAsync(database);
        var first = await world.PublishedAsync("先发布后撤回");
        await using (var scope = database.Scope())
            CatalogueWorld.Ok(await scope.ServiceProvider.GetRequiredService<Publishing>().WithdrawAsync(first.Id, first.Version, "内容有误", world.Handler));

        var second = await world.PublishedAsync("后发布");

        second.IndexNumber.ShouldNotBe(first.IndexNumber);
        second.IndexNumber.ShouldEndWith("-00002");
        await using var check = database.Scope();
        (await check.ServiceProvider.GetRequiredService<GongkaiDbContext>().Documents.SingleAsync(d => d.Id == first.Id)).IndexNumber.ShouldBe(first.IndexNumber);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IndexNumber_StoredTwice_RefusedByTheDatabase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CatalogueWorld.CreateAsync(database);
        var published = await world.PublishedAsync("已发布");
        var draft = await world.DraftAsync(world.Input("草稿"));

        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var copy = await db.Documents.SingleAsync(d => d.Id == draft.Id);
        copy.IndexNumber = published.IndexNumber;

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
