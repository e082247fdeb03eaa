using System.IO.Compression;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.Files.Backends;
using Gongkai.Core.OpenData;
using Gongkai.Core.Operations;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Operations;

public sealed class BackupServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.FileBackends), MemberType = typeof(TestDatabase))]
    public async Task RestoreAsync_AfterLaterChanges_BringsBackDatabaseAndFiles(DatabaseProvider provider, FileBackendKind files)
    {
        await using var database = await TestDatabase.CreateAsync(provider, files: files);
        var archive = Path.Combine(database.Storage.DataDirectory, "backups", "gongkai.zip");
        StoredFile file;
        await using (var scope = database.Scope())
        {
            var agencies = scope.ServiceProvider.GetRequiredService<AgencyService>();
            await Support.Agencies.CreateAsync(agencies, "示范市人民政府", AgencyLevel.City);
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            file = (await scope.ServiceProvider.GetRequiredService<FileStore>().AddAsync(
                new MemoryStream("%PDF-1.4 指南"u8.ToArray()), "公开指南.pdf", [FileKind.Pdf], AuditActor.System)).Value!;
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<OpenDataDump>().BuildAsync();

            var manifest = await scope.ServiceProvider.GetRequiredService<BackupService>().BackupAsync(archive, AuditActor.System);
            manifest.Provider.ShouldBe(provider);
            manifest.FileCount.ShouldBe(1);
            manifest.FilesInDatabase.ShouldBe(files == FileBackendKind.Database);
            manifest.SchemaVersion.ShouldBe(Migrator.Available(provider)[^1].Version);
        }
        using (var zip = ZipFile.OpenRead(archive))
        {
            zip.Entries.Select(e => e.FullName).ShouldContain("manifest.json");
            zip.Entries.Any(e => e.FullName.StartsWith("files/", StringComparison.Ordinal)).ShouldBe(files != FileBackendKind.Database,
                "the database backend's files travel in the dump");
        }

        await using (var scope = database.Scope())
        {
            await Support.Agencies.CreateAsync(scope.ServiceProvider.GetRequiredService<AgencyService>(), "后来新建的市", AgencyLevel.City);
            var backend = scope.ServiceProvider.GetRequiredService<IFileBackend>();
            await foreach (var stored in backend.ListAsync("", default))
                if (!FileKeys.IsOpenData(stored.Key))
                    await backend.DeleteAsync(stored.Key, default);
            await backend.WriteAsync(FileKeys.Of(Guid.NewGuid()), "后来上传"u8.ToArray(), default);
        }

        await using (var scope = database.Scope())
            await scope.ServiceProvider.GetRequiredService<BackupService>().RestoreAsync(archive, AuditActor.CommandLine);

        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            (await db.Agencies.Select(a => a.Name).ToListAsync()).ShouldBe(["示范市人民政府"]);
            var restored = await db.StoredFiles.SingleAsync();
            restored.Id.ShouldBe(file.Id);
            await using (var content = await scope.ServiceProvider.GetRequiredService<FileStore>().OpenReadAsync(restored))
                (await new StreamReader(content).ReadToEndAsync()).ShouldBe("%PDF-1.4 指南");
            var keys = new List<string>();
            await foreach (var stored in scope.ServiceProvider.GetRequiredService<IFileBackend>().ListAsync("", default))
                if (!FileKeys.IsOpenData(stored.Key))
                    keys.Add(stored.Key);
            keys.ShouldBe([FileKeys.Of(file.Id)], "a file added after the backup is gone");
            var dump = (await scope.ServiceProvider.GetRequiredService<IOpenDataStore>().CurrentAsync()).ShouldNotBeNull("the open-data dump is not a stray file");
            (await scope.ServiceProvider.GetRequiredService<IOpenDataStore>().OpenAsync(dump.Day, OpenDataDump.DocumentsCsv)).ShouldNotBeNull().Content.Dispose();
            var log = await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
            log[^1].ShouldBe(AuditAction.BackupRestored);
            log.ShouldNotContain(AuditAction.BackupCreated, "the backup was taken before its own audit line");
        }
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.PostgreSQL)]
    public async Task RestoreAsync_ArchiveFromOtherDatabaseKind_Refused()
    {
        await using var postgres = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        await using var sqlite = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var archive = Path.Combine(sqlite.Storage.DataDirectory, "pg.zip");
        await using (var scope = postgres.Scope())
            await scope.ServiceProvider.GetRequiredService<BackupService>().BackupAsync(archive, AuditActor.System);

        await using var target = sqlite.Scope();
        var refused = await Should.ThrowAsync<InvalidOperationException>(
            () => target.ServiceProvider.GetRequiredService<BackupService>().RestoreAsync(archive, AuditActor.System));
        refused.Message.ShouldBe("备份来自 PostgreSQL 数据库，当前使用 Sqlite，不能直接恢复。");
    }
}
