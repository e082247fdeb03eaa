using System.Data;
using Gongkai.Core.Agencies;
using Gongkai.Core.Files;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Storage;

/// <summary>
/// Each unit of work (DI scope) borrows its DbContext from a pool, so a request no longer builds
/// the context's EF services anew. What one scope did to its context must not reach the next.
/// </summary>
public sealed class PooledContextTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Context_BorrowedByTheNextScope_CarriesNothingOfTheLast(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        GongkaiDbContext first;
        TimeSpan? defaultTimeout;
        await using (var scope = database.Scope())
        {
            first = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            defaultTimeout = first.Database.GetCommandTimeout() is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
            first.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            // Raw SQL opens the connection and leaves it to the context (Catalogue/Sql).
            await first.Database.OpenConnectionAsync();
            first.Agencies.Add(new Agency { Name = "未保存的机关", OrganizationCode = "", OfficeName = "", OfficeAddress = "", OfficePhone = "" });
            first.StagedFiles.ShouldBeSameAs(scope.ServiceProvider.GetRequiredService<StagedFiles>());
        }

        await using (var scope = database.Scope())
        {
            var next = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();

            next.ShouldBeSameAs(first, "the same context, back from the pool");
            next.ChangeTracker.Entries().ShouldBeEmpty();
            next.Database.GetDbConnection().State.ShouldBe(ConnectionState.Closed, "a pooled context holds no database connection");
            (next.Database.GetCommandTimeout() is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null).ShouldBe(defaultTimeout);
            next.StagedFiles.ShouldBeSameAs(scope.ServiceProvider.GetRequiredService<StagedFiles>(), "this scope's files, not the last one's");
        }
    }

    [Fact]
    public async Task Context_OutsideAnyScope_HasNoStagedFiles()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        await using var db = database.Services.GetRequiredService<IDbContextFactory<GongkaiDbContext>>().CreateDbContext();

        db.StagedFiles.ShouldBeNull();
    }
}
