using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Storage;

public sealed class MigratorTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MigrateAsync_MigratedDatabase_AppliesNothingAndKeepsHistory(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var migrator = scope.ServiceProvider.GetRequiredService<Migrator>();

        (await migrator.MigrateAsync()).ShouldBeEmpty();
        (await migrator.AppliedVersionsAsync()).ShouldBe(Migrator.Available(provider).Select(m => m.Version));
    }

    [Fact]
    public void Available_BothProviders_SameVersionsInOrder()
    {
        var sqlite = Migrator.Available(DatabaseProvider.Sqlite);
        var postgres = Migrator.Available(DatabaseProvider.PostgreSQL);

        sqlite.ShouldNotBeEmpty();
        sqlite.Select(m => (m.Version, m.Name)).ShouldBe(postgres.Select(m => (m.Version, m.Name)));
        // Strictly increasing, not necessarily contiguous: features built in parallel reserve their
        // numbers (0004 supervision), so a branch may lack a number another branch brings.
        sqlite.Select(m => m.Version).ShouldBeInOrder(SortDirection.Ascending);
        sqlite.Select(m => m.Version).ShouldBeUnique();
        sqlite[0].Version.ShouldBe(1);
    }

    [Fact]
    public async Task MigrateAsync_Sqlite_DatabaseInWalModeWithForeignKeys()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.Storage.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; ";
        (await command.ExecuteScalarAsync()).ShouldBe("wal");
        command.CommandText = "PRAGMA foreign_keys;";
        (await command.ExecuteScalarAsync()).ShouldBe(1L);
        File.Exists(Path.Combine(database.Storage.DataDirectory, "gongkai.db")).ShouldBeTrue();
    }
}
