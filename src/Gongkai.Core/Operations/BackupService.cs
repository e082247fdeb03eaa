using System.IO.Compression;
using System.Text.Json;
using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gongkai.Core.Operations;

/// <summary>
/// A backup is one ZIP archive: manifest.json, the database (an SQLite online-backup copy, or a
/// pg_dump custom-format dump) and every uploaded file. Backups run while the system is in use;
/// a restore replaces the database and the files and should run with the web app stopped.
/// </summary>
public sealed class BackupService(GongkaiDbContext db, StorageSettings storage, Migrator migrator, AuditLog audit, TimeProvider clock)
{
    private const string ManifestEntry = "manifest.json";
    private const string SqliteEntry = "database.sqlite";
    private const string PostgresEntry = "database.pgdump";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public async Task<BackupManifest> BackupAsync(string archivePath, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var work = Directory.CreateTempSubdirectory("gongkai-backup-");
        try
        {
            var databaseFile = Path.Combine(work.FullName, "database");
            var entryName = storage.Provider switch
            {
                DatabaseProvider.Sqlite => SqliteEntry,
                DatabaseProvider.PostgreSQL => PostgresEntry,
            };
            if (storage.Provider == DatabaseProvider.Sqlite) BackupSqlite(databaseFile);
            else await ExternalTool.RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", databaseFile],
                PostgresEnvironment(), cancellationToken);

            var files = Directory.Exists(storage.FilesDirectory)
                ? Directory.GetFiles(storage.FilesDirectory, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(Files.StagedFiles.Suffix, StringComparison.Ordinal)).ToList()
                : [];
            var versions = await migrator.AppliedVersionsAsync(cancellationToken);
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, storage.Provider, clock.GetUtcNow().UtcDateTime,
                versions.Count == 0 ? 0 : versions[^1], files.Count);

            var folder = Path.GetDirectoryName(Path.GetFullPath(archivePath));
            if (folder is not null) Directory.CreateDirectory(folder);
            var temporary = archivePath + ".part";
            await using (var zip = await ZipArchive.CreateAsync(File.Create(temporary), ZipArchiveMode.Create, leaveOpen: false, entryNameEncoding: null, cancellationToken))
            {
                var manifestEntry = zip.CreateEntry(ManifestEntry);
                await using (var stream = await manifestEntry.OpenAsync(cancellationToken))
                    await JsonSerializer.SerializeAsync(stream, manifest, Json, cancellationToken);
                await zip.CreateEntryFromFileAsync(databaseFile, entryName, CompressionLevel.Optimal, cancellationToken);
                foreach (var file in files)
                    await zip.CreateEntryFromFileAsync(file, "files/" + Path.GetRelativePath(storage.FilesDirectory, file).Replace('\\', '/'),
                        CompressionLevel.Fastest, cancellationToken);
            }
            File.Move(temporary, archivePath, overwrite: true);

            await audit.RecordNowAsync(actor, AuditAction.BackupCreated, "Database", storage.Provider.ToString(),
                $"备份数据库及 {files.Count} 个文件到 {Path.GetFileName(archivePath)}", cancellationToken);
            return manifest;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    public async Task<BackupManifest> RestoreAsync(string archivePath, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var work = Directory.CreateTempSubdirectory("gongkai-restore-");
        try
        {
            await ZipFile.ExtractToDirectoryAsync(archivePath, work.FullName, cancellationToken);
            var manifestPath = Path.Combine(work.FullName, ManifestEntry);
            if (!File.Exists(manifestPath)) throw new InvalidOperationException("这不是公开系统的备份文件：缺少 manifest.json。");
            BackupManifest manifest;
            await using (var stream = File.OpenRead(manifestPath))
                manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, cancellationToken)
                    ?? throw new InvalidOperationException("备份文件的 manifest.json 无法读取。");
            if (manifest.Format != BackupManifest.CurrentFormat)
                throw new InvalidOperationException($"不支持的备份格式版本 {manifest.Format}。");
            if (manifest.Provider != storage.Provider)
                throw new InvalidOperationException($"备份来自 {manifest.Provider} 数据库，当前使用 {storage.Provider}，不能直接恢复。");

            if (storage.Provider == DatabaseProvider.Sqlite) RestoreSqlite(Path.Combine(work.FullName, SqliteEntry));
            else await RestorePostgresAsync(Path.Combine(work.FullName, PostgresEntry), cancellationToken);
            ReplaceFiles(Path.Combine(work.FullName, "files"));

            db.ChangeTracker.Clear();
            await migrator.MigrateAsync(cancellationToken);
            await audit.RecordNowAsync(actor, AuditAction.BackupRestored, "Database", storage.Provider.ToString(),
                $"从 {Path.GetFileName(archivePath)}（{manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC 的备份）恢复数据库及 {manifest.FileCount} 个文件",
                cancellationToken);
            return manifest;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private void BackupSqlite(string destinationFile)
    {
        using var source = new SqliteConnection(storage.ConnectionString);
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destinationFile, Pooling = false }.ToString());
        source.Open();
        destination.Open();
        source.BackupDatabase(destination);
        using var command = destination.CreateCommand();
        // The copy travels as one file: leave WAL mode so nothing is left in a -wal file beside it.
        command.CommandText = "PRAGMA journal_mode=DELETE;";
        command.ExecuteNonQuery();
    }

    private void RestoreSqlite(string backupFile)
    {
        if (!File.Exists(backupFile)) throw new InvalidOperationException("备份文件中没有 SQLite 数据库。");
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backupFile, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        source.Open();
        using (var check = source.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check;";
            if (check.ExecuteScalar() as string != "ok") throw new InvalidOperationException("备份中的数据库未通过完整性检查，未恢复。");
        }
        SqliteConnection.ClearAllPools();
        using var destination = new SqliteConnection(storage.ConnectionString);
        destination.Open();
        source.BackupDatabase(destination);
        using var wal = destination.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        wal.ExecuteNonQuery();
    }

    private async Task RestorePostgresAsync(string dumpFile, CancellationToken cancellationToken)
    {
        if (!File.Exists(dumpFile)) throw new InvalidOperationException("备份文件中没有 PostgreSQL 转储。");
        NpgsqlConnection.ClearAllPools();
        var environment = PostgresEnvironment();
        await ExternalTool.RunAsync("pg_restore",
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--dbname", environment["PGDATABASE"], dumpFile],
            environment, cancellationToken);
    }

    private void ReplaceFiles(string restoredFiles)
    {
        var previous = storage.FilesDirectory + ".before-restore";
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        if (Directory.Exists(storage.FilesDirectory)) Directory.Move(storage.FilesDirectory, previous);
        if (Directory.Exists(restoredFiles)) Directory.Move(restoredFiles, storage.FilesDirectory);
        else Directory.CreateDirectory(storage.FilesDirectory);
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
    }

    private Dictionary<string, string> PostgresEnvironment()
    {
        var b = new NpgsqlConnectionStringBuilder(storage.ConnectionString);
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = b.Host ?? "localhost",
            ["PGPORT"] = b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGDATABASE"] = b.Database ?? b.Username ?? "postgres",
        };
        if (b.Username is { } user) environment["PGUSER"] = user;
        if (b.Password is { } password) environment["PGPASSWORD"] = password;
        return environment;
    }
}
