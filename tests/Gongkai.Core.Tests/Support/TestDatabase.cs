using Gongkai.Core;
using Gongkai.Core.Files.Backends;
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

    /// <summary>Each file backend, on each database it runs with: the data folder on both, the database's own table on PostgreSQL, an S3 server.</summary>
    public static TheoryData<DatabaseProvider, FileBackendKind> FileBackends => new()
    {
        { DatabaseProvider.Sqlite, FileBackendKind.Local },
        { DatabaseProvider.PostgreSQL, FileBackendKind.Local },
        { DatabaseProvider.PostgreSQL, FileBackendKind.Database },
        { DatabaseProvider.Sqlite, FileBackendKind.S3 },
    };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, TimeProvider? clock = null, FileBackendKind files = FileBackendKind.Local)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("gongkai-test-").FullName;
        var database = provider == DatabaseProvider.PostgreSQL ? await PostgresDatabase.CreateAsync() : null;
        var storage = database is null
            ? StorageSettings.ForSqlite(dataDirectory)
            : new StorageSettings(DatabaseProvider.PostgreSQL, database.ConnectionString, dataDirectory);

        var services = new ServiceCollection();
        if (clock is not null) services.AddSingleton(clock);
        services.AddGongkaiCore(storage, files switch
        {
            FileBackendKind.S3 => new FileBackendSettings(files, new S3Settings(S3Server.Instance.ServiceUrl, S3Server.Bucket, S3Server.AccessKey,
                S3Server.SecretKey, Prefix: Path.GetFileName(dataDirectory) + "/")),
            _ => new FileBackendSettings(files),
        }).AddGongkaiIdentityCore();
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
