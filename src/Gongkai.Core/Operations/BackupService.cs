using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Gongkai.Core.Audit;
using Gongkai.Core.Files.Backends;
using Gongkai.Core.Storage;
using Gongkai.Reports;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gongkai.Core.Operations;

/// <summary>
/// A backup is one ZIP archive: manifest.json, the database (an SQLite online-backup copy, or a
/// pg_dump custom-format dump) and every stored file, read from whichever backend keeps them (the
/// database backend's files are in the dump already). Backups run while the system is in use;
/// a restore replaces the database and the files and should run with the web app stopped. Files
/// are restored into the backend configured now, so a restore also moves files between backends.
/// </summary>
public sealed class BackupService(GongkaiDbContext db, StorageSettings storage, IFileBackend files, Migrator migrator, AuditLog audit, TimeProvider clock)
{
    private const string ManifestEntry = "manifest.json";
    private const string SqliteEntry = "database.sqlite";
    private const string PostgresEntry = "database.pgdump";
    private const string FilesEntry = "files/";
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
            else await PostgresToolAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", databaseFile],
                PostgresEnvironment(), cancellationToken);

            var keys = new List<string>();
            await foreach (var file in files.ListAsync("", cancellationToken))
                if (FileKeys.TryParse(file.Key, out _, out var staged) && !staged)
                    keys.Add(file.Key);
            var versions = await migrator.AppliedVersionsAsync(cancellationToken);
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, storage.Provider, clock.GetUtcNow().UtcDateTime,
                versions.Count == 0 ? 0 : versions[^1], keys.Count, files.InDatabase);

            var folder = Path.GetDirectoryName(Path.GetFullPath(archivePath));
            if (folder is not null) Directory.CreateDirectory(folder);
            var temporary = archivePath + ".part";
            await using (var zip = await ZipArchive.CreateAsync(File.Create(temporary), ZipArchiveMode.Create, leaveOpen: false, entryNameEncoding: null, cancellationToken))
            {
                var manifestEntry = zip.CreateEntry(ManifestEntry);
                await using (var stream = await manifestEntry.OpenAsync(cancellationToken))
                    await JsonSerializer.SerializeAsync(stream, manifest, Json, cancellationToken);
                await zip.CreateEntryFromFileAsync(databaseFile, entryName, CompressionLevel.Optimal, cancellationToken);
                if (!files.InDatabase)
                    foreach (var key in keys)
                    {
                        await using var content = await files.OpenReadAsync(key, cancellationToken)
                            ?? throw new InvalidOperationException($"备份时文件 {key} 已不在{files.Name}中。");
                        await using var entry = await zip.CreateEntry(FilesEntry + key, CompressionLevel.Fastest).OpenAsync(cancellationToken);
                        await content.CopyToAsync(entry, cancellationToken);
                    }
            }
            File.Move(temporary, archivePath, overwrite: true);

            await audit.RecordNowAsync(actor, AuditAction.BackupCreated, "Database", storage.Provider.ToString(),
                $"备份数据库及 {keys.Count} 个文件到 {Path.GetFileName(archivePath)}", cancellationToken);
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
            if (manifest.FilesInDatabase && !files.InDatabase)
                throw new InvalidOperationException($"备份中的文件保存在数据库中（Gongkai:Files=Database），当前文件存储为{files.Name}，不能直接恢复。");

            if (storage.Provider == DatabaseProvider.Sqlite) RestoreSqlite(Path.Combine(work.FullName, SqliteEntry));
            else await RestorePostgresAsync(Path.Combine(work.FullName, PostgresEntry), cancellationToken);
            db.ChangeTracker.Clear();
            // Before the files: an older backup may lack the table the database backend keeps them in.
            await migrator.MigrateAsync(cancellationToken);
            if (!manifest.FilesInDatabase) await ReplaceFilesAsync(Path.Combine(work.FullName, "files"), cancellationToken);
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
        await PostgresToolAsync("pg_restore",
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--dbname", environment["PGDATABASE"], dumpFile],
            environment, cancellationToken);
    }

    /// <summary>
    /// Writes every file of the backup into the backend, then removes what the backup does not hold;
    /// the open-data dump stays until the next one replaces it (it is made from the database, not backed up).
    /// </summary>
    private async Task ReplaceFilesAsync(string restoredFiles, CancellationToken cancellationToken)
    {
        var restored = new HashSet<string>(StringComparer.Ordinal);
        if (Directory.Exists(restoredFiles))
            foreach (var path in Directory.EnumerateFiles(restoredFiles, "*", SearchOption.AllDirectories))
            {
                var key = Path.GetRelativePath(restoredFiles, path).Replace(Path.DirectorySeparatorChar, '/');
                await files.WriteAsync(key, await File.ReadAllBytesAsync(path, cancellationToken), cancellationToken);
                restored.Add(key);
            }
        var stale = new List<string>();
        await foreach (var file in files.ListAsync("", cancellationToken))
            if (!restored.Contains(file.Key) && !FileKeys.IsOpenData(file.Key)) stale.Add(file.Key);
        foreach (var key in stale)
            await files.DeleteAsync(key, cancellationToken);
    }

    /// <summary>pg_dump or pg_restore, the connection passed through libpq's environment variables so no password appears on a command line.</summary>
    private static async Task PostgresToolAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        ToolResult result;
        try
        {
            result = await ExternalTool.RunAsync(program, arguments, ToolTimeout, maxOutput: 1024 * 1024, cancellationToken, environment);
        }
        catch (ToolException e)
        {
            throw new InvalidOperationException(e.Failure switch
            {
                ToolFailure.Missing => $"无法启动 {program}：请安装 PostgreSQL 客户端（apt-get install postgresql-client）。",
                ToolFailure.Timeout => $"{program} 超过 6 小时仍未完成，已停止。",
                ToolFailure.TooMuchOutput => $"{program} 输出异常，已停止。",
            }, e);
        }
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{program} 执行失败（退出码 {result.ExitCode}）：{result.Error.Trim()} {Encoding.UTF8.GetString(result.Output).Trim()}");
    }

    private static readonly TimeSpan ToolTimeout = TimeSpan.FromHours(6);

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
