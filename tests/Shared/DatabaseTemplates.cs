using Gongkai.Core;
using Gongkai.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Tests;

/// <summary>
/// Migrating is the slow part of a fresh database. Each test process migrates one template per
/// provider, the first time a test asks, and every test gets a copy of it: SQLite's file copied
/// into the test's data folder, PostgreSQL's database cloned with <c>CREATE DATABASE … TEMPLATE</c>.
/// A copy is exactly what the migrations make, so what a test proves holds for a migrated database.
/// Linked into every test project that needs a database.
/// </summary>
public static class DatabaseTemplates
{
    private const string PostgresPrefix = "gongkai_template_";
    private static readonly Lazy<Task<string>> sqlite = new(MigrateSqliteAsync);
    private static readonly Lazy<Task<string>> postgres = new(MigratePostgresAsync);

    /// <summary>The SQLite file name <see cref="StorageSettings.ForSqlite"/> uses in a data folder.</summary>
    public const string SqliteFileName = "gongkai.db";

    /// <summary>Puts a migrated SQLite database in <paramref name="dataDirectory"/>, where the app looks for it.</summary>
    public static async Task CopySqliteAsync(string dataDirectory)
    {
        var template = await sqlite.Value;
        Directory.CreateDirectory(dataDirectory);
        File.Copy(template, Path.Combine(dataDirectory, SqliteFileName));
    }

    /// <summary>Copies a template's whole data folder (database, files, keys) into <paramref name="into"/> (by default a new temporary folder) and returns it.</summary>
    public static string CopyFolder(string template, string? into = null)
    {
        var copy = into ?? Directory.CreateTempSubdirectory("gongkai-test-").FullName;
        foreach (var file in Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(template, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    /// <summary>The name of this process's migrated PostgreSQL database to clone; nobody connects to it.</summary>
    public static Task<string> PostgresAsync() => postgres.Value;

    /// <summary>
    /// A further PostgreSQL template, filled by <paramref name="fill"/> through the connection
    /// string it is given (the demo region, seeded once for the browser tests); dropped when the
    /// process ends, or by the next run if it is killed. Returns the name to clone.
    /// </summary>
    public static async Task<string> NewPostgresTemplateAsync(Func<string, Task> fill)
    {
        var server = PostgresDatabase.Server();
        await DropAbandonedAsync(server);
        var name = PostgresPrefix + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Execute(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await fill(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
        return name;
    }

    private static async Task<string> MigrateSqliteAsync()
    {
        var folder = Directory.CreateTempSubdirectory("gongkai-template-").FullName;
        var storage = StorageSettings.ForSqlite(folder);
        await MigrateAsync(storage);
        // Fold the write-ahead log into the file, so that the file alone is the whole database.
        var unpooled = new SqliteConnectionStringBuilder(storage.ConnectionString) { Pooling = false }.ToString();
        SqliteConnection.ClearPool(new SqliteConnection(storage.ConnectionString));
        await using (var connection = new SqliteConnection(unpooled))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        };
        return Path.Combine(folder, SqliteFileName);
    }

    private static async Task<string> MigratePostgresAsync()
    {
        var server = PostgresDatabase.Server();
        await DropAbandonedAsync(server);
        var name = PostgresPrefix + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        // The test host may be stopped before this finishes; then the next run drops it (DropAbandonedAsync).
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Execute(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        // Unpooled: no connection may stay open on a template, or cloning it fails.
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ToString();
        var folder = Directory.CreateTempSubdirectory("gongkai-template-").FullName;
        await MigrateAsync(new StorageSettings(DatabaseProvider.PostgreSQL, connectionString, folder));
        Directory.Delete(folder, recursive: true);
        return name;
    }

    private static async Task MigrateAsync(StorageSettings storage)
    {
        await using var services = new ServiceCollection().AddLogging().AddGongkaiCore(storage).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
    }

    /// <summary>Templates of test processes that ended without dropping theirs (killed, or stopped in a debugger).</summary>
    private static async Task DropAbandonedAsync(string server)
    {
        var abandoned = new List<string>();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{PostgresPrefix}%'", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var database = reader.GetString(0);
                var pid = database[PostgresPrefix.Length..].Split('_')[0];
                if (!Directory.Exists("/proc/" + pid)) abandoned.Add(database);
            }
        }
        foreach (var database in abandoned)
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void Execute(string server, string sql)
    {
        try
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The server is gone; the next run drops what is left.
        }
    }
}
