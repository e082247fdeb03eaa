using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Audit;
using Gongkai.Core.Catalogue.Demo;
using Gongkai.Core.Cluster;
using Gongkai.Core.Files;
using Gongkai.Core.Files.Backends;
using Gongkai.Core.Imports;
using Gongkai.Core.OpenData;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gongkai.Core.Tests.OpenData;

/// <summary>
/// The daily bulk dump: every file as its manifest says (count, SHA-256), written aside and put in
/// place whole, in the data folder or the shared file store; made once across the servers and read
/// by all of them. A "server" is a service provider of its own on the same database and file store.
/// </summary>
public sealed class OpenDataDumpTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.FileBackends), MemberType = typeof(TestDatabase))]
    public async Task BuildAsync_PublishedDocumentsAndReports_EveryFileMatchesItsManifest(DatabaseProvider provider, FileBackendKind files)
    {
        await using var world = await RequestsWorld.CreateAsync(provider, today: "2026-03-20", files);
        await PublishAsync(world);
        await using var scope = world.Database.Scope();
        var store = scope.ServiceProvider.GetRequiredService<IOpenDataStore>();

        var manifest = await scope.ServiceProvider.GetRequiredService<OpenDataDump>().BuildAsync();

        manifest.SchemaVersion.ShouldBe(1);
        manifest.GeneratedAt.Offset.ShouldBe(TimeSpan.FromHours(8));
        var cells = (await scope.ServiceProvider.GetRequiredService<PublishedReports>().ListAsync()).Single().Report.Cells().Count();
        cells.ShouldBeGreaterThan(50);
        manifest.Files.Select(f => (f.Name, f.Count)).ShouldBe([("documents.jsonl", 2), ("documents.csv", 2), ("reports.json", 1), ("report-cells.csv", cells)]);
        foreach (var file in manifest.Files)
        {
            var bytes = await ReadAsync(store, manifest.Day, file.Name);
            Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(file.Sha256, file.Name);
            bytes.LongLength.ShouldBe(file.Bytes);
            Count(file.Name, bytes).ShouldBe(file.Count, file.Name);
        }
        var documents = Encoding.UTF8.GetString(await ReadAsync(store, manifest.Day, "documents.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        documents[0].GetProperty("publishedAt").GetString().ShouldBe("2026-03-02T09:30:00+08:00");
        documents[0].GetProperty("attachments")[0].GetProperty("url").GetString().ShouldStartWith($"/documents/{documents[0].GetProperty("id").GetInt32()}/files/");
        var report = JsonDocument.Parse(await ReadAsync(store, manifest.Day, "reports.json")).RootElement[0];
        report.GetProperty("report").GetProperty("requests").GetProperty("newReceived").GetArrayLength().ShouldBe(7);
        report.GetProperty("report").GetProperty("findings").ValueKind.ShouldBe(JsonValueKind.Array);
        OpenDataFiles.Deserialize(await ReadAsync(store, manifest.Day, "manifest.json")).ShouldNotBeNull().Files.ShouldBe(manifest.Files);
        (await store.OpenAsync(manifest.Day, "../gongkai.db")).ShouldBeNull();
        (await store.OpenAsync(manifest.Day, "current")).ShouldBeNull();
        (await store.OpenAsync("2020-01-01", "documents.jsonl")).ShouldBeNull();
    }

    [Fact]
    public async Task BuildAsync_AgainTheSameDay_ThePreviousDumpStaysUntilTheNewOneIsComplete()
    {
        await using var world = await RequestsWorld.CreateAsync(DatabaseProvider.Sqlite, today: "2026-03-20");
        await using var scope = world.Database.Scope();
        var folder = (OpenDataFolder)scope.ServiceProvider.GetRequiredService<IOpenDataStore>();
        var dump = scope.ServiceProvider.GetRequiredService<OpenDataDump>();
        var first = await dump.BuildAsync();
        // A dump interrupted while being written is not the current one.
        Directory.CreateDirectory(Path.Combine(folder.Root, "2099-01-01.partial"));

        (await folder.CurrentAsync())!.GeneratedAt.ShouldBe(first.GeneratedAt);
        (await dump.BuildIfDueAsync(hour: 2)).ShouldBeNull("today's dump exists");
        await PublishAsync(world);
        var second = await dump.BuildAsync();

        (await folder.CurrentAsync())!.Files.Single(f => f.Name == "documents.jsonl").Count.ShouldBe(2);
        second.Day.ShouldBe(first.Day);
        Directory.GetDirectories(folder.Root).Select(Path.GetFileName).ShouldBe([second.Day]);
        File.Exists(Path.Combine(folder.Root, second.Day, "documents.jsonl")).ShouldBeTrue("the default keeps its files where it always did");
    }

    [Theory]
    [MemberData(nameof(SharedBackends))]
    public async Task SharedStore_NewDumpInWriting_ReadersSeeThePreviousUntilItIsComplete(DatabaseProvider provider, FileBackendKind files)
    {
        await using var database = await TestDatabase.CreateAsync(provider, files: files);
        var backend = database.Services.GetRequiredService<IFileBackend>();
        // Chunks of 7 bytes: every file spans several, and reads cross their edges.
        var store = new SharedOpenDataStore(backend, chunkBytes: 7);
        var first = await WriteAsync(store, "2026-03-19", "第一天的数据\n");

        var writer = await store.BeginAsync("2026-03-20");
        await using (var stream = writer.Create("documents.jsonl"))
            await stream.WriteAsync("第二天的数据，尚未写完\n"u8.ToArray());

        Json(await store.CurrentAsync()).ShouldBe(Json(first), "the new dump is not complete");
        (await store.OpenAsync("2026-03-20", "documents.jsonl")).ShouldBeNull();
        Encoding.UTF8.GetString(await ReadAsync(store, "2026-03-19", "documents.jsonl")).ShouldBe("第一天的数据\n");

        var second = await CompleteAsync(writer, "2026-03-20", "第二天的数据，尚未写完\n");
        Json(await store.CurrentAsync()).ShouldBe(Json(second));
        (await store.OpenAsync("2026-03-19", "documents.jsonl")).ShouldBeNull("only the current dump is served");
        var third = await WriteAsync(store, "2026-03-21", "");
        Json(await store.CurrentAsync()).ShouldBe(Json(third));
        (await ReadAsync(store, "2026-03-21", "documents.jsonl")).ShouldBeEmpty();
        (await Dumps(backend)).Order(StringComparer.Ordinal).ToList().ShouldBe(["2026-03-20", "2026-03-21"], "the replaced dump is kept for downloads under way; older ones go");
    }

    [Theory]
    [MemberData(nameof(SharedBackends))]
    public async Task SharedStore_RangesAcrossChunks_ReadTheBytesWritten(DatabaseProvider provider, FileBackendKind files)
    {
        await using var database = await TestDatabase.CreateAsync(provider, files: files);
        var store = new SharedOpenDataStore(database.Services.GetRequiredService<IFileBackend>(), chunkBytes: 1000);
        var text = string.Concat(Enumerable.Range(0, 700).Select(i => $"第{i}行\n"));
        var bytes = Encoding.UTF8.GetBytes(text);
        await WriteAsync(store, "2026-03-20", text);

        await using var content = (await store.OpenAsync("2026-03-20", "documents.jsonl")).ShouldNotBeNull().Content;

        content.Length.ShouldBe(bytes.Length);
        foreach (var (from, length) in new[] { (0, 10), (995, 10), (1000, 1000), (2999, 2), (bytes.Length - 5, 5), (123, 3500) })
        {
            content.Position = from;
            var read = new byte[length];
            await content.ReadExactlyAsync(read);
            read.ShouldBe(bytes[from..(from + length)], $"{length} bytes from {from}");
        }
        // A synchronous reader (one a library might use) gets the same bytes across the same edges.
        content.Position = 995;
        var synchronous = new byte[1010];
        content.ReadExactly(synchronous);
        synchronous.ShouldBe(bytes[995..2005]);
        content.Position = bytes.Length;
        (await content.ReadAsync(new byte[10])).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.FileBackends), MemberType = typeof(TestDatabase))]
    public async Task Job_TwoServersRace_MadeOnceAndServedByBoth(DatabaseProvider provider, FileBackendKind files)
    {
        await using var world = await RequestsWorld.CreateAsync(provider, today: "2026-03-20", files);
        await PublishAsync(world);
        await using var b = world.Database.AnotherServer();
        var job = new OpenDataJob(new OpenDataOptions(), NullLogger<OpenDataJob>.Instance);

        var ran = await Task.WhenAll(Runner(world.Database.Services, world.Clock).RunIfDueAsync(job, default), Runner(b, world.Clock).RunIfDueAsync(job, default));

        ran.Count(r => r).ShouldBe(1, "one server makes the dump");
        var lease = (await b.GetRequiredService<ClusterLeases>().ListAsync()).Single(l => l.Name == "open-data");
        lease.Runs.ShouldBe(1);
        lease.NextRunAt.ShouldBe(new DateTime(2026, 3, 20, 5, 0, 0, DateTimeKind.Utc), "on the next hour");
        var made = (await world.Database.Services.GetRequiredService<IOpenDataStore>().CurrentAsync()).ShouldNotBeNull();
        var served = (await b.GetRequiredService<IOpenDataStore>().CurrentAsync()).ShouldNotBeNull();
        Json(served).ShouldBe(Json(made));
        foreach (var file in served.Files)
            Convert.ToHexStringLower(SHA256.HashData(await ReadAsync(b.GetRequiredService<IOpenDataStore>(), served.Day, file.Name))).ShouldBe(file.Sha256, file.Name);
        await using var scope = b.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<FileSweep>().RunAsync(removeUnrecorded: true)).Unrecorded.ShouldBeEmpty("the dump's objects are not stray files");
        Json(await b.GetRequiredService<IOpenDataStore>().CurrentAsync()).ShouldBe(Json(served));
    }

    [Theory]
    [InlineData(null, "2026-03-20 01:00", true)]
    [InlineData("2026-03-19", "2026-03-20 01:59", false)]
    [InlineData("2026-03-19", "2026-03-20 02:00", true)]
    [InlineData("2026-03-17", "2026-03-20 23:00", true)]
    [InlineData("2026-03-20", "2026-03-20 02:00", false)]
    [InlineData("2026-03-20", "2026-03-20 23:00", false)]
    public void IsDue_CurrentDumpAndHour_BuildsOncePerDayFromTheHour(string? current, string chinaNow, bool due)
    {
        var manifest = current is null ? null : new DumpManifest(1, current, DateTimeOffset.UnixEpoch, []);

        OpenDataDump.IsDue(manifest, DateTime.ParseExact(chinaNow, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), hour: 2).ShouldBe(due);
    }

    /// <summary>The backends every server shares: the database's own table on PostgreSQL, an S3 server.</summary>
    public static TheoryData<DatabaseProvider, FileBackendKind> SharedBackends
    {
        get
        {
            var data = new TheoryData<DatabaseProvider, FileBackendKind>();
            foreach (var row in (IEnumerable<object[]>)TestDatabase.FileBackends)
                if ((FileBackendKind)row[1] != FileBackendKind.Local) data.Add((DatabaseProvider)row[0], (FileBackendKind)row[1]);
            return data;
        }
    }

    private static ClusterJobRunner Runner(IServiceProvider server, TimeProvider clock) =>
        new([], server.GetRequiredService<ClusterLeases>(), new ClusterJobOptions(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2)),
            server.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<ClusterJobRunner>.Instance);

    private static async Task<byte[]> ReadAsync(IOpenDataStore store, string day, string name)
    {
        await using var content = (await store.OpenAsync(day, name)).ShouldNotBeNull(name).Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A dump of one file, documents.jsonl, holding <paramref name="text"/>.</summary>
    private static async Task<DumpManifest> WriteAsync(IOpenDataStore store, string day, string text)
    {
        var writer = await store.BeginAsync(day);
        await using (var stream = writer.Create("documents.jsonl"))
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        return await CompleteAsync(writer, day, text);
    }

    private static async Task<DumpManifest> CompleteAsync(IDumpWriter writer, string day, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var manifest = new DumpManifest(1, day, new DateTimeOffset(2026, 3, 20, 2, 0, 0, TimeSpan.FromHours(8)),
            [new DumpFile("documents.jsonl", "政府信息", "jsonl", 1, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)))]);
        await writer.CompleteAsync(manifest);
        return manifest;
    }

    private static string Json(DumpManifest? manifest) => manifest is null ? "" : Encoding.UTF8.GetString(OpenDataFiles.Serialize(manifest));

    /// <summary>The days of the dumps whose objects are in the backend.</summary>
    private static async Task<List<string>> Dumps(IFileBackend backend)
    {
        var days = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var o in backend.ListAsync(FileKeys.OpenDataPrefix, default))
            if (o.Key.IndexOf('.', FileKeys.OpenDataPrefix.Length) is var dot and > 0) days.Add(o.Key[FileKeys.OpenDataPrefix.Length..dot]);
        return [.. days];
    }

    /// <summary>Two documents of the office (one with a Word attachment) and its published 2020 report.</summary>
    private static async Task PublishAsync(RequestsWorld world)
    {
        var folder = Directory.CreateTempSubdirectory("gongkai-dump-").FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, "表.docx"), DemoAttachments.Docx("预算表", [["项目", "金额"]]));
        var code = world.Office.OrganizationCode;
        var stem = Domain.Agencies.CreditCode.OrganizationCode(code);
        var csv = ImportFile.Header(DocumentColumns.All.Take(21))
            + Csv.Line([$"{stem}/2026-00001", "示范市2026年部门预算", code, "", "", "", "", "", "财政信息", "", "", "2026-03-02 09:30", "", "", "", "", "", "", "预算正文", "", "表.docx"])
            + Csv.Line([$"{stem}/2026-00002", "关于做好防汛工作的通知", code, "", "", "", "", "", "", "", "", "2026-03-03 10:00", "", "", "", "", "", "", "防汛正文", "", ""]);
        await using var scope = world.Database.Scope();
        var bytes = Encoding.UTF8.GetBytes(csv);
        using var attachments = AttachmentSource.Open(folder);
        (await scope.ServiceProvider.GetRequiredService<Importer>().ImportAsync(ImportKind.Documents, () => new MemoryStream(bytes), "documents.csv",
            new ImportOptions(AuditActor.System), attachments)).Added.ShouldBe(2);
        if ((await scope.ServiceProvider.GetRequiredService<PublishedReports>().ListAsync()).Count > 0) return;
        var reports = scope.ServiceProvider.GetRequiredService<AnnualReportService>();
        var imported = (await reports.ImportAsync(world.Office.Id, 2020, File.ReadAllBytes(Gongkai.Reports.Tests.TestFiles.Seed("000")), "2020年报.txt", world.Handler)).Value!;
        (await reports.PublishImportAsync(imported.Id, imported.Version, world.Head)).Succeeded.ShouldBeTrue();
    }

    private static int Count(string name, byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return name.EndsWith(".jsonl", StringComparison.Ordinal) ? text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length
            : name.EndsWith(".json", StringComparison.Ordinal) ? JsonDocument.Parse(text).RootElement.GetArrayLength()
            : Csv.Records(text).Count() - 1;
    }
}
