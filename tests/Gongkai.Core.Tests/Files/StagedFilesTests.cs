using System.Runtime.Versioning;
using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.Files.Backends;
using Gongkai.Core.Requests;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Files;

/// <summary>
/// Issue 11, attack #3: uploads were written before the transaction committed, so a refused
/// submission left files without a record. Files now move into place when their record commits.
/// </summary>
public sealed class StagedFilesTests
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGO4AwAAtgC1KWnr2AAAAABJRU5ErkJggg==");
    private static readonly AuditActor Citizen = new(null, "访客", "203.0.113.5");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [UnsupportedOSPlatform("windows")]
    public async Task Add_TransactionCommitted_FileInPlaceOwnerOnly(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        StoredFile file;
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            await using var transaction = await db.BeginOrJoinTransactionAsync();
            file = await AddAsync(scope);
            await db.SaveChangesAsync();
            (await KeysAsync(database)).ShouldAllBe(f => f.EndsWith(FileKeys.StagedSuffix), "staged until the commit");
            await transaction.CommitAsync();
            (await KeysAsync(database)).ShouldBe([FileKeys.Of(file.Id)]);
        }

        var path = new LocalFileBackend(database.Storage).PathOf(FileKeys.Of(file.Id));
        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(Path.GetDirectoryName(path)!).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        (await File.ReadAllBytesAsync(path)).ShouldBe(Png);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.FileBackends), MemberType = typeof(TestDatabase))]
    public async Task Add_SavedWithoutATransaction_FileInPlaceAtOnce(DatabaseProvider provider, FileBackendKind files)
    {
        await using var database = await TestDatabase.CreateAsync(provider, files: files);
        await using var scope = database.Scope();

        var file = await AddAsync(scope);
        await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().SaveChangesAsync();

        (await KeysAsync(database)).ShouldBe([FileKeys.Of(file.Id)]);
        await using var content = await scope.ServiceProvider.GetRequiredService<FileStore>().OpenReadAsync(file);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        copy.ToArray().ShouldBe(Png);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.FileBackends), MemberType = typeof(TestDatabase))]
    public async Task Add_TransactionRolledBackOrNeverCommittedOrNeverSaved_NoFileLeft(DatabaseProvider provider, FileBackendKind files)
    {
        await using var database = await TestDatabase.CreateAsync(provider, files: files);
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await AddAsync(scope);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            (await KeysAsync(database)).ShouldBeEmpty("rolled back");
        }
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            await using (await db.BeginOrJoinTransactionAsync())
            {
                await AddAsync(scope);
                await db.SaveChangesAsync();
            }
            await AddAsync(scope);
        }

        (await KeysAsync(database)).ShouldBeEmpty("a transaction ended without its commit, and an upload never saved");
        await using var check = database.Scope();
        (await check.ServiceProvider.GetRequiredService<GongkaiDbContext>().StoredFiles.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submit_GoodFilesThenARefusedOne_NothingStoredEvenBeforeTheScopeEnds(DatabaseProvider provider)
    {
        await using var world = await RequestsWorld.CreateAsync(provider);
        await using var scope = world.Database.Scope();
        using var first = new MemoryStream(Png);
        using var second = new MemoryStream(Png);
        using var bad = new MemoryStream("MZ\x90\0 an executable"u8.ToArray());

        var result = await scope.ServiceProvider.GetRequiredService<RequestIntake>().SubmitAsync(RequestsWorld.Application(world.Office.Id),
            [new Upload(first, "身份证.png", AttachmentKind.IdentityProof), new Upload(second, "说明.png", AttachmentKind.Supporting),
             new Upload(bad, "病毒.png", AttachmentKind.Supporting)], null, Citizen);

        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("“病毒.png”");
        (await KeysAsync(world.Database)).ShouldBeEmpty("every file is inspected before any is stored");
        (await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Requests.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.FileBackends), MemberType = typeof(TestDatabase))]
    public async Task Sweep_AfterACrash_CompletesCommittedFilesRemovesAbandonedAndReportsStrays(DatabaseProvider provider, FileBackendKind files)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider, clock, files);
        StoredFile committed;
        await using (var scope = database.Scope())
        {
            committed = await AddAsync(scope);
            await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().SaveChangesAsync();
        }
        var backend = database.Services.GetRequiredService<IFileBackend>();
        await backend.MoveAsync(FileKeys.Of(committed.Id), FileKeys.Staged(committed.Id), default);   // the process stopped before the move
        var abandoned = FileKeys.Staged(Guid.NewGuid());                                               // the process stopped before the commit
        var stray = FileKeys.Of(Guid.NewGuid());                                                       // a file nothing refers to
        foreach (var key in new[] { abandoned, stray })
            await backend.WriteAsync(key, Png, default);
        var missing = Guid.NewGuid();
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            db.StoredFiles.Add(new StoredFile { Id = missing, FileName = "丢失.png", ContentType = "image/png", Sha256 = "", Kind = FileKind.Png });
            await db.SaveChangesAsync();
        }
        clock.Now += TimeSpan.FromHours(2);

        SweepReport report;
        await using (var scope = database.Scope())
            report = await scope.ServiceProvider.GetRequiredService<FileSweep>().RunAsync(removeUnrecorded: false);

        report.Completed.ShouldBe(1);
        report.Abandoned.ShouldBe(1);
        report.Unrecorded.ShouldBe([stray]);
        report.Missing.ShouldBe([missing]);
        (await KeysAsync(database)).ShouldBe([.. new[] { FileKeys.Of(committed.Id), stray }.Order(StringComparer.Ordinal)], "reported, not removed unless asked");
    }

    private static async Task<StoredFile> AddAsync(AsyncServiceScope scope)
    {
        using var upload = new MemoryStream(Png);
        return (await scope.ServiceProvider.GetRequiredService<FileStore>().AddAsync(upload, "身份证.png", [FileKind.Png], Citizen)).Value!;
    }

    private static async Task<List<string>> KeysAsync(TestDatabase database)
    {
        var keys = new List<string>();
        await foreach (var file in database.Services.GetRequiredService<IFileBackend>().ListAsync("", default))
            keys.Add(file.Key);
        return keys;
    }
}
