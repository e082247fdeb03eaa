using Gongkai.Core;
using Gongkai.Core.Files.Backends;
using Gongkai.Core.Storage;
using Gongkai.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Support;

/// <summary>
/// A fresh, migrated database for one test, copied from the process's template
/// (<see cref="DatabaseTemplates"/>): SQLite in a temporary data folder, or a new PostgreSQL
/// database on the server named by GONGKAI_TEST_POSTGRES (test.sh starts one). Without that server
/// the PostgreSQL tests fail: they must never pass by skipping.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Set to <c>Sqlite</c> (as <c>./test.sh --fast</c> does) to run the provider theories on SQLite alone.</summary>
    public const string ProvidersVariable = "GONGKAI_TEST_DATABASES";

    private readonly PostgresDatabase? postgres;
    private readonly TimeProvider? clock;
    private readonly FileBackendKind files;

    private TestDatabase(StorageSettings storage, TimeProvider? clock, FileBackendKind files, PostgresDatabase? postgres)
    {
        Storage = storage;
        this.clock = clock;
        this.files = files;
        Services = Build(storage, clock, files);
        this.postgres = postgres;
    }

    public StorageSettings Storage { get; }
    public ServiceProvider Services { get; }

    /// <summary>Both databases, or those named in GONGKAI_TEST_DATABASES (comma-separated).</summary>
    public static TheoryData<DatabaseProvider> Providers
    {
        get
        {
            var chosen = Environment.GetEnvironmentVariable(ProvidersVariable) is { Length: > 0 } names
                ? names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(n => Enum.Parse<DatabaseProvider>(n, ignoreCase: true))
                : [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL];
            return [.. chosen];
        }
    }

    /// <summary>Each file backend, on each database it runs with: the data folder on both, the database's own table on PostgreSQL, an S3 server.</summary>
    public static TheoryData<DatabaseProvider, FileBackendKind> FileBackends
    {
        get
        {
            var providers = ((IEnumerable<object[]>)Providers).Select(row => (DatabaseProvider)row[0]).ToHashSet();
            (DatabaseProvider, FileBackendKind)[] all =
            [
                (DatabaseProvider.Sqlite, FileBackendKind.Local), (DatabaseProvider.PostgreSQL, FileBackendKind.Local),
                (DatabaseProvider.PostgreSQL, FileBackendKind.Database), (DatabaseProvider.Sqlite, FileBackendKind.S3),
            ];
            var data = new TheoryData<DatabaseProvider, FileBackendKind>();
            foreach (var (provider, files) in all.Where(b => providers.Contains(b.Item1)))
                data.Add(provider, files);
            return data;
        }
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, TimeProvider? clock = null, FileBackendKind files = FileBackendKind.Local)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("gongkai-test-").FullName;
        var database = provider == DatabaseProvider.PostgreSQL ? await PostgresDatabase.CreateMigratedAsync() : null;
        if (database is null)
            await DatabaseTemplates.CopySqliteAsync(dataDirectory);
        var storage = database is null
            ? StorageSettings.ForSqlite(dataDirectory)
            : new StorageSettings(DatabaseProvider.PostgreSQL, database.ConnectionString, dataDirectory);
        return Open(storage, clock, files, database);
    }

    /// <summary>
    /// The demo region 示范市 on SQLite, loaded once per test process by <see cref="Gongkai.Core.Demo.DemoSeeder"/>
    /// (half a minute of work) and copied, data folder and all, for each test that reads it or builds on it.
    /// </summary>
    public static async Task<TestDatabase> CreateDemoAsync()
    {
        var dataDirectory = DatabaseTemplates.CopyFolder((await demoTemplate.Value).Folder);
        return Open(StorageSettings.ForSqlite(dataDirectory), null, FileBackendKind.Local, null);
    }

    /// <summary>What <see cref="Gongkai.Core.Demo.DemoSeeder"/> returned when it loaded the region the demo copies start from (its accounts and their passwords).</summary>
    public static async Task<Gongkai.Core.Demo.DemoResult> DemoSeededAsync() => (await demoTemplate.Value).Seeded;

    private static readonly Lazy<Task<(string Folder, Gongkai.Core.Demo.DemoResult Seeded)>> demoTemplate = new(async () =>
    {
        var folder = Directory.CreateTempSubdirectory("gongkai-demo-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        };
        await DatabaseTemplates.CopySqliteAsync(folder);
        var storage = StorageSettings.ForSqlite(folder);
        Gongkai.Core.Demo.DemoResult seeded;
        await using (var services = Open(storage, null, FileBackendKind.Local, null).Services)
        await using (var scope = services.CreateAsyncScope())
            seeded = await scope.ServiceProvider.GetRequiredService<Gongkai.Core.Demo.DemoSeeder>().SeedAsync(Gongkai.Core.Audit.AuditActor.System);
        // Fold the write-ahead log into the file, so that the copies start from the whole database.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(
                         new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(storage.ConnectionString) { Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        return (folder, seeded);
    });

    private static TestDatabase Open(StorageSettings storage, TimeProvider? clock, FileBackendKind files, PostgresDatabase? database) =>
        new(storage, clock, files, database);

    /// <summary>
    /// Another server on the same database and file store: a service provider of its own (its own
    /// singletons, lease holder and DbContexts), as a second web process is. The caller disposes it.
    /// </summary>
    public ServiceProvider AnotherServer() => Build(Storage, clock, files);

    private static ServiceProvider Build(StorageSettings storage, TimeProvider? clock, FileBackendKind files)
    {
        var services = new ServiceCollection();
        if (clock is not null) services.AddSingleton(clock);
        services.AddGongkaiCore(storage, files switch
        {
            FileBackendKind.S3 => new FileBackendSettings(files, new S3Settings(S3Server.Instance.ServiceUrl, S3Server.Bucket, S3Server.AccessKey,
                S3Server.SecretKey, Prefix: Path.GetFileName(storage.DataDirectory) + "/")),
            _ => new FileBackendSettings(files),
        }).AddGongkaiIdentityCore();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
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
