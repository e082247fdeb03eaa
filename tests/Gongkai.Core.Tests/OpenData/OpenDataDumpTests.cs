using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Audit;
using Gongkai.Core.Catalogue.Demo;
using Gongkai.Core.Imports;
using Gongkai.Core.OpenData;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gongkai.Core.Tests.OpenData;

/// <summary>The daily bulk dump: every file as its manifest says (count, SHA-256), written aside and put in place whole.</summary>
public sealed class OpenDataDumpTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BuildAsync_PublishedDocumentsAndReports_EveryFileMatchesItsManifest(DatabaseProvider provider)
    {
        await using var world = await RequestsWorld.CreateAsync(provider, today: "2026-03-20");
        await PublishAsync(world);
        await using var scope = world.Database.Scope();
        var folder = scope.ServiceProvider.GetRequiredService<OpenDataFolder>();

        var manifest = await scope.ServiceProvider.GetRequiredService<OpenDataDump>().BuildAsync();

        manifest.SchemaVersion.ShouldBe(1);
        manifest.GeneratedAt.Offset.ShouldBe(TimeSpan.FromHours(8));
        var cells = (await scope.ServiceProvider.GetRequiredService<PublishedReports>().ListAsync()).Single().Report.Cells().Count();
        cells.ShouldBeGreaterThan(50);
        manifest.Files.Select(f => (f.Name, f.Count)).ShouldBe([("documents.jsonl", 2), ("documents.csv", 2), ("reports.json", 1), ("report-cells.csv", cells)]);
        foreach (var file in manifest.Files)
        {
            var path = folder.FileOf(manifest.Day, file.Name)!;
            var bytes = await File.ReadAllBytesAsync(path);
            Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(file.Sha256, file.Name);
            bytes.LongLength.ShouldBe(file.Bytes);
            Count(file.Name, bytes).ShouldBe(file.Count, file.Name);
        }
        var documents = File.ReadAllLines(folder.FileOf(manifest.Day, "documents.jsonl")!).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        documents[0].GetProperty("publishedAt").GetString().ShouldBe("2026-03-02T09:30:00+08:00");
        documents[0].GetProperty("attachments")[0].GetProperty("url").GetString().ShouldStartWith($"/documents/{documents[0].GetProperty("id").GetInt32()}/files/");
        var report = JsonDocument.Parse(File.ReadAllText(folder.FileOf(manifest.Day, "reports.json")!)).RootElement[0];
        report.GetProperty("report").GetProperty("requests").GetProperty("newReceived").GetArrayLength().ShouldBe(7);
        report.GetProperty("report").GetProperty("findings").ValueKind.ShouldBe(JsonValueKind.Array);
        folder.FileOf(manifest.Day, "../gongkai.db").ShouldBeNull();
    }

    [Fact]
    public async Task BuildAsync_AgainTheSameDay_ThePreviousDumpStaysUntilTheNewOneIsComplete()
    {
        await using var world = await RequestsWorld.CreateAsync(DatabaseProvider.Sqlite, today: "2026-03-20");
        await using var scope = world.Database.Scope();
        var folder = scope.ServiceProvider.GetRequiredService<OpenDataFolder>();
        var dump = scope.ServiceProvider.GetRequiredService<OpenDataDump>();
        var first = await dump.BuildAsync();
        // A dump interrupted while being written is not the current one.
        Directory.CreateDirectory(Path.Combine(folder.Root, "2099-01-01.partial"));

        folder.Current()!.GeneratedAt.ShouldBe(first.GeneratedAt);
        (await dump.BuildIfDueAsync()).ShouldBeNull("today's dump exists");
        await PublishAsync(world);
        var second = await dump.BuildAsync();

        folder.Current()!.Files.Single(f => f.Name == "documents.jsonl").Count.ShouldBe(2);
        second.Day.ShouldBe(first.Day);
        Directory.GetDirectories(folder.Root).Select(Path.GetFileName).ShouldBe([second.Day]);
    }

    [Fact]
    public async Task Worker_Started_WritesTodaysDumpInTheBackground()
    {
        await using var world = await RequestsWorld.CreateAsync(DatabaseProvider.Sqlite, today: "2026-03-20");
        var folder = world.Database.Services.GetRequiredService<OpenDataFolder>();
        using var worker = new OpenDataWorker(world.Database.Services.GetRequiredService<IServiceScopeFactory>(), new OpenDataOptions(FirstRunDelay: TimeSpan.Zero),
            TimeProvider.System, NullLogger<OpenDataWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        for (var i = 0; i < 300 && folder.Current() is null; i++) await Task.Delay(100);
        await worker.StopAsync(CancellationToken.None);

        folder.Current().ShouldNotBeNull().Files.Count.ShouldBe(4);
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
