using Gongkai.Core;
using Gongkai.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Core.Tests.Support;

/// <summary>
/// A fresh, migrated database for one test: SQLite in a temporary data folder, or a new PostgreSQL
/// database on the server named by GONGKAI_TEST_POSTGRES (test.sh starts one). Without that server
/// the PostgreSQL tests fail: they must never pass by skipping.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "GONGKAI_TEST_POSTGRES";

    private readonly string? postgresDatabase;

    private TestDatabase(StorageSettings storage, ServiceProvider services, string? postgresDatabase)
    {
        Storage = storage;
        Services = services;
        this.postgresDatabase = postgresDatabase;
    }

    public StorageSettings Storage { get; }
    public ServiceProvider Services { get; }

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, TimeProvider? clock = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("gongkai-test-").FullName;
        string? database = null;
        StorageSettings storage;
        if (provider == DatabaseProvider.Sqlite)
        {
            storage = StorageSettings.ForSqlite(dataDirectory);
        }
        else
        {
            database = "gongkai_test_" + Guid.NewGuid().ToString("N")[..12];
            await using (var admin = new NpgsqlConnection(PostgresServer()))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
                await create.ExecuteNonQueryAsync();
            }
            storage = new StorageSettings(DatabaseProvider.PostgreSQL,
                new NpgsqlConnectionStringBuilder(PostgresServer()) { Database = database }.ToString(), dataDirectory);
        }

        var services = new ServiceCollection();
        if (clock is not null) services.AddSingleton(clock);
        services.AddGongkaiCore(storage).AddGongkaiIdentityCore();
        var provider2 = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var result = new TestDatabase(storage, provider2, database);
        await using var scope = result.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
        return result;
    }

    /// <summary>The connection string of the PostgreSQL server for tests; its absence is a failure.</summary>
    public static string PostgresServer() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set: run the tests through ./test.sh, which starts PostgreSQL 15 and sets it.");

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer());
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Storage.DataDirectory, recursive: true); } catch (IOException) { }
    }
}
