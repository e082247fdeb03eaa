using Gongkai.Core;
using Gongkai.Core.Storage;
using Gongkai.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Support;

/// <summary>
/// A fresh, migrated database for one test: SQLite in a temporary data folder, or a new PostgreSQL
/// database on the server named by GONGKAI_TEST_POSTGRES (test.sh starts one). Without that server
/// the PostgreSQL tests fail: they must never pass by skipping.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresDatabase? postgres;

    private TestDatabase(StorageSettings storage, ServiceProvider services, PostgresDatabase? postgres)
    {
        Storage = storage;
        Services = services;
        this.postgres = postgres;
    }

    public StorageSettings Storage { get; }
    public ServiceProvider Services { get; }

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, TimeProvider? clock = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("gongkai-test-").FullName;
        var database = provider == DatabaseProvider.PostgreSQL ? await PostgresDatabase.CreateAsync() : null;
        var storage = database is null
            ? StorageSettings.ForSqlite(dataDirectory)
            : new StorageSettings(DatabaseProvider.PostgreSQL, database.ConnectionString, dataDirectory);

        var services = new ServiceCollection();
        if (clock is not null) services.AddSingleton(clock);
        services.AddGongkaiCore(storage).AddGongkaiIdentityCore();
        var result = new TestDatabase(storage, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), database);
        await using var scope = result.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
        return result;
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (postgres is not null)
            await postgres.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Storage.DataDirectory, recursive: true); } catch (IOException) { }
    }
}
