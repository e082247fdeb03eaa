using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Gongkai.Core.Storage;

/// <summary>A schema migration: a numbered SQL script embedded in this assembly, one folder per provider.</summary>
public sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// Brings the database to the newest schema: every migration not yet in <c>schema_migrations</c> runs
/// in its own transaction, in order. Safe to call at every start-up and from several processes at
/// once (SQLite's write lock and a PostgreSQL advisory lock serialise them).
/// </summary>
public sealed class Migrator(GongkaiDbContext db, StorageSettings storage, ILogger<Migrator> logger)
{
    private const long AdvisoryLockKey = 0x676F6E676B6169; // "gongkai"

    public static IReadOnlyList<Migration> Available(DatabaseProvider provider)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"migrations/{Folder(provider)}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => Load(assembly, n, n[prefix.Length..^4]))
            .OrderBy(m => m.Version)
            .ToList();
    }

    /// <summary>Whether the database answers with this schema (for /health/ready): throws when it does not.</summary>
    public Task PingAsync(CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlRawAsync("SELECT 1 FROM schema_migrations WHERE 1 = 0", cancellationToken);

    /// <summary>Key files an earlier version kept in the data folder's keys/ go into the database once, so signed-in people stay signed in.</summary>
    public async Task ImportKeyFilesAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(storage.KeysDirectory) || await db.DataProtectionKeys.AnyAsync(cancellationToken)) return;
        foreach (var file in Directory.EnumerateFiles(storage.KeysDirectory, "*.xml").Order(StringComparer.Ordinal))
            db.DataProtectionKeys.Add(new Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file),
                Xml = System.Xml.Linq.XDocument.Parse(await File.ReadAllTextAsync(file, cancellationToken)).Root!.ToString(System.Xml.Linq.SaveOptions.DisableFormatting),
            });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Applies what is missing and returns what was applied.</summary>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (storage.Provider == DatabaseProvider.Sqlite) PrepareSqliteFile();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (storage.Provider == DatabaseProvider.Sqlite) await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
            await ExecuteAsync(connection, null, CreateHistoryTable(), cancellationToken);
            var applied = new List<Migration>();
            foreach (var migration in Available(storage.Provider))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if (storage.Provider == DatabaseProvider.PostgreSQL)
                    await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey});", cancellationToken);
                if (await IsAppliedAsync(connection, transaction, migration.Version, cancellationToken)) continue;

                logger.LogInformation("Applying migration {Version} {Name}", migration.Version, migration.Name);
                // A migration that rebuilds an index over a million rows takes minutes (0015); no timeout cuts it short.
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken, unlimited: storage.Provider == DatabaseProvider.PostgreSQL);
                await RecordAsync(connection, transaction, migration, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                applied.Add(migration);
            }
            return applied;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Versions recorded in the database, oldest first.</summary>
    public async Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, CreateHistoryTable(), cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT version FROM schema_migrations ORDER BY version";
            var versions = new List<int>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) versions.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            return versions;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private void PrepareSqliteFile()
    {
        PrivateFiles.CreateDirectory(storage.DataDirectory);
        var file = new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource;
        if (file is ":memory:" or "")
            return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (folder is not null) PrivateFiles.CreateDirectory(folder);
        PrivateFiles.Touch(file);
    }

    private string CreateHistoryTable() => storage.Provider switch
    {
        DatabaseProvider.Sqlite =>
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);",
        DatabaseProvider.PostgreSQL =>
            "CREATE TABLE IF NOT EXISTS schema_migrations (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at timestamp with time zone NOT NULL);",
    };

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction transaction, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = @version";
        AddParameter(command, "@version", version);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private async Task RecordAsync(DbConnection connection, DbTransaction transaction, Migration migration, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = storage.Provider switch
        {
            DatabaseProvider.Sqlite => "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, strftime('%Y-%m-%d %H:%M:%f', 'now'))",
            DatabaseProvider.PostgreSQL => "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, now())",
        };
        AddParameter(command, "@version", migration.Version);
        AddParameter(command, "@name", migration.Name);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken,
        bool unlimited = false)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (unlimited) command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Folder(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "sqlite",
        DatabaseProvider.PostgreSQL => "postgresql",
    };

    private static Migration Load(Assembly assembly, string resource, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
        return new Migration(int.Parse(fileName[..underscore], System.Globalization.CultureInfo.InvariantCulture),
            fileName[(underscore + 1)..], reader.ReadToEnd());
    }
}
