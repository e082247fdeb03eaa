using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongkai.Core;
using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Audit;
using Gongkai.Core.Cluster;
using Gongkai.Core.Imports;
using Gongkai.Core.OpenData;
using Gongkai.Core.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Tests;
using Gongkai.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Api;

/// <summary>The public read API and the bulk downloads, each answer checked against the app's OpenAPI document, on SQLite and PostgreSQL.</summary>
[Trait(TestCategory.Name, TestCategory.PostgreSQL)]
public sealed class OpenDataApiTests : IAsyncLifetime
{
    private PostgresDatabase? postgres;

    public async Task InitializeAsync() => postgres = await PostgresDatabase.CreateAsync("gongkai_open");

    public async Task DisposeAsync()
    {
        if (postgres is not null) await postgres.DisposeAsync();
    }

    [Fact]
    public async Task PublicApi_OnSqlite_ServesDocumentsSearchReportsAndAgenciesAsDocumented()
    {
        using var factory = new GongkaiFactory();
        await ReadApiAsync(factory);
    }

    [Fact]
    public async Task PublicApi_OnPostgreSQL_ServesDocumentsSearchReportsAndAgenciesAsDocumented()
    {
        using var factory = new GongkaiFactory(postgres!.Configuration);
        await ReadApiAsync(factory);
    }

    private static async Task ReadApiAsync(GongkaiFactory factory)
    {
        var (agency, stem) = await PublishAsync(factory);
        var client = factory.Browser();
        var openApi = await OpenApiSchema.LoadAsync(client);
        async Task<JsonElement> GetAsync(string url, string path)
        {
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            var json = await response.Content.ReadAsStringAsync();
            openApi.Problems(path, json).ShouldBeEmpty(url);
            return JsonDocument.Parse(json).RootElement;
        }

        // The list: newest first, 20 a page, the cursor leading through all of them once.
        var first = await GetAsync($"/api/v1/documents?agency={agency.Id}", "/api/v1/documents");
        var second = await GetAsync($"/api/v1/documents?agency={agency.Id}&cursor={Uri.EscapeDataString(first.GetProperty("next").GetString()!)}", "/api/v1/documents");
        var listed = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        listed.Count.ShouldBe(25);
        second.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
        listed.Select(d => d.GetProperty("publishedAt").GetString()!).ShouldBe(listed.Select(d => d.GetProperty("publishedAt").GetString()!).OrderDescending(StringComparer.Ordinal));
        listed[0].GetProperty("publishedAt").GetString().ShouldEndWith("+08:00");
        listed.Select(d => d.GetProperty("id").GetInt32()).Distinct().Count().ShouldBe(25);

        var normative = await GetAsync($"/api/v1/documents?agency={agency.Id}&normative=true", "/api/v1/documents");
        normative.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("title").GetString()).ShouldBe(["示范市住房公积金管理办法", "示范市城市道路挖掘管理规定", "示范市住房公积金管理办法"]);
        var repealed = await GetAsync($"/api/v1/documents?validity=Repealed", "/api/v1/documents");
        repealed.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("indexNumber").GetString()).ShouldBe([$"{stem}/2024-00004"]);

        // One document: metadata, body, attachments' links and the history of its revision and repeal.
        var oldRule = listed.Single(d => d.GetProperty("indexNumber").GetString() == $"{stem}/2023-00001").GetProperty("id").GetInt32();
        var detail = await GetAsync($"/api/v1/documents/{oldRule}", "/api/v1/documents/{id}");
        detail.GetProperty("document").GetProperty("documentNumber").GetString().ShouldBe("示府规〔2023〕1号");
        detail.GetProperty("document").GetProperty("validity").GetString().ShouldBe("Expired");
        detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ShouldBe(["expires", "revisedBy"]);
        detail.GetProperty("interpretations").GetArrayLength().ShouldBe(0);
        var attachment = detail.GetProperty("attachments")[0];
        attachment.GetProperty("name").GetString().ShouldBe("缴存比例表.docx");
        (await client.GetByteArrayAsync(attachment.GetProperty("url").GetString())).Length.ShouldBe((int)attachment.GetProperty("size").GetInt64());
        detail.GetProperty("bodyText").GetString()!.ShouldContain("缴存比例");

        // Search: the portal's ranking and highlights.
        var found = await GetAsync("/api/v1/documents/search?q=" + Uri.EscapeDataString("公积金"), "/api/v1/documents/search");
        found.GetProperty("mode").GetString().ShouldBe("Relevance");
        var hit = found.GetProperty("items")[0];
        string.Concat(hit.GetProperty("title").EnumerateArray().Select(s => s.GetProperty("marked").GetBoolean() ? $"[{s.GetProperty("text").GetString()}]" : s.GetProperty("text").GetString()))
            .ShouldContain("[公积金]");

        // Reports: the engine's JSON with its findings.
        var reports = await GetAsync("/api/v1/reports", "/api/v1/reports");
        var report = reports.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        report.GetProperty("year").GetInt32().ShouldBe(2020);
        var json = await GetAsync(report.GetProperty("json").GetString()!, "/api/v1/reports/{id}");
        json.GetProperty("year").GetInt32().ShouldBe(2020);
        json.GetProperty("requests").GetProperty("newReceived").GetArrayLength().ShouldBe(7);
        json.GetProperty("findings").ValueKind.ShouldBe(JsonValueKind.Array);

        var agencies = await GetAsync("/api/v1/agencies", "/api/v1/agencies");
        agencies.GetProperty("items").EnumerateArray().ShouldContain(a => a.GetProperty("name").GetString() == agency.Name);
        (await GetAsync($"/api/v1/agencies/{agency.Id}", "/api/v1/agencies/{id}")).GetProperty("guide").GetString().ShouldStartWith("一、主动公开");

        // Refusals are ProblemDetails in Chinese.
        foreach (var (url, status) in new[]
        {
            ("/api/v1/documents?agency=-1", 400), ("/api/v1/documents?topic=Nope", 400), ("/api/v1/documents?cursor=abc", 400),
            ("/api/v1/documents/search", 400), ("/api/v1/documents/987654", 404), ("/api/v1/reports/987654", 404), ("/api/v1/agencies?cursor=x", 400),
        })
        {
            var response = await client.GetAsync(url);
            ((int)response.StatusCode).ShouldBe(status, url);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", url);
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}", url);
        }
    }

    [Fact]
    public async Task PublicApi_ManyReadsFromOneClient_TooManyRequestsWithTheDumpsNamed()
    {
        using var factory = new GongkaiFactory(new() { ["Gongkai:PublicReadsPerMinute"] = "3" });
        var client = factory.Browser();

        var answers = new List<HttpResponseMessage>();
        foreach (var q in new[] { "一", "二", "三", "四" })
            answers.Add(await client.GetAsync("/api/v1/documents/search?q=" + Uri.EscapeDataString(q)));

        answers.Take(3).ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
        answers[3].StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await answers[3].Content.ReadAsStringAsync()).ShouldContain("/open-data");
    }

    [Fact]
    public async Task OpenData_AfterTheDump_PageListsFilesAndServesOnlyWhatTheManifestLists()
    {
        using var factory = new GongkaiFactory();
        await PublishAsync(factory);
        DumpManifest manifest;
        await using (var scope = factory.Services.CreateAsyncScope())
            manifest = await scope.ServiceProvider.GetRequiredService<OpenDataDump>().BuildAsync();
        var client = factory.Browser();

        await ServesDumpAsync(client, manifest);
        // The default keeps the dump where it always was: the data folder's open-data/{day}/, served byte for byte.
        foreach (var file in manifest.Files.Select(f => f.Name).Append("manifest.json"))
            (await client.GetByteArrayAsync($"/open-data/{manifest.Day}/{file}"))
                .ShouldBe(await File.ReadAllBytesAsync(Path.Combine(factory.DataDirectory, "open-data", manifest.Day, file)), file);
    }

    [Fact]
    public async Task OpenData_FilesInTheDatabase_MadeByServerAsJobServedByServerB()
    {
        var settings = postgres!.Configuration;
        settings["Gongkai:Files"] = "Database";
        // B never makes a dump (the factory turns the job off); A's job runner looks every second.
        using var b = new GongkaiFactory(settings);
        await PublishAsync(b);
        using var a = new GongkaiFactory(new Dictionary<string, string?>(settings) { ["Gongkai:OpenData:Enabled"] = "true", ["Gongkai:Jobs:PollSeconds"] = "1" });
        var holder = a.Services.GetRequiredService<ClusterLeases>().Holder;

        var store = b.Services.GetRequiredService<IOpenDataStore>();
        DumpManifest? manifest = null;
        for (var i = 0; i < 600 && (manifest = await store.CurrentAsync()) is null; i++) await Task.Delay(100);

        manifest.ShouldNotBeNull("server A's job made the dump within a minute");
        Directory.Exists(Path.Combine(b.DataDirectory, "open-data")).ShouldBeFalse("the dump is in the shared file store, not a server's folder");
        // The run is recorded when A's job returns, a moment after the dump it made became current.
        string? lastHolder = null;
        for (var i = 0; i < 100 && (lastHolder = (await b.Services.GetRequiredService<ClusterLeases>().ListAsync()).Single(l => l.Name == "open-data").LastHolder) is null; i++)
            await Task.Delay(100);
        lastHolder.ShouldBe(holder);
        await ServesDumpAsync(b.Browser(), manifest);
        var fromA = a.Browser();
        foreach (var file in manifest.Files)
            Convert.ToHexStringLower(SHA256.HashData(await fromA.GetByteArrayAsync($"/open-data/{manifest.Day}/{file.Name}"))).ShouldBe(file.Sha256, file.Name);
    }

    /// <summary>The page lists the dump; each file is served whole as the manifest describes it, and by ranges; nothing else is.</summary>
    private static async Task ServesDumpAsync(HttpClient client, DumpManifest manifest)
    {
        var page = await client.GetStringAsync("/open-data");
        page.ShouldContain("documents.jsonl");
        page.ShouldContain(manifest.Files[0].Sha256);
        foreach (var file in manifest.Files)
        {
            using var response = await client.GetAsync($"/open-data/{manifest.Day}/{file.Name}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, file.Name);
            response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe(file.Name);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(file.Sha256, file.Name);
            using var range = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/open-data/{manifest.Day}/{file.Name}")
            {
                Headers = { Range = new RangeHeaderValue(100, 199) },
            });
            range.StatusCode.ShouldBe(HttpStatusCode.PartialContent, file.Name);
            (await range.Content.ReadAsByteArrayAsync()).ShouldBe(bytes[100..200], file.Name);
        }
        var lines = (await client.GetStringAsync($"/open-data/{manifest.Day}/documents.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(25);
        var served = JsonSerializer.Deserialize<DumpManifest>(await client.GetStringAsync($"/open-data/{manifest.Day}/manifest.json"), OpenDataFiles.Json)!;
        served.Files.ShouldBe(manifest.Files);
        (await client.GetAsync($"/open-data/{manifest.Day}/..%2Fgongkai.db")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/open-data/2020-01-01/documents.jsonl")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// An agency's catalogue brought in by the import — a rule revised and the revision's reading, a
    /// repealed one, twenty-one notices, an attachment — and its 2020 report, imported and published.
    /// </summary>
    private static async Task<(Agency Agency, string Stem)> PublishAsync(GongkaiFactory factory)
    {
        var agency = await factory.AgencyAsync("开放数据市人民政府" + Guid.NewGuid().ToString("N")[..4], AgencyLevel.City);
        var stem = CreditCode.OrganizationCode(agency.OrganizationCode);
        var folder = Directory.CreateTempSubdirectory("gongkai-open-").FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, "缴存比例表.docx"), Support.Catalogue.Docx("缴存比例5%至12%"));
        string Row(string serial, string title, string published, string kind = "", string number = "", string issued = "", string replaces = "",
            string interprets = "", string repealed = "", string note = "", string attachment = "") =>
            Csv.Line([$"{stem}/{serial}", title, agency.OrganizationCode, "", "", number, kind, "", "", "", issued, published, "", repealed, note, "", interprets, replaces,
                title + "：缴存比例和提取条件。", "", attachment]);
        var csv = new StringBuilder(ImportFile.Header(DocumentColumns.All.Take(21)))
            .Append(Row("2023-00001", "示范市住房公积金管理办法", "2023-05-20 09:00", "行政规范性文件", "示府规〔2023〕1号", "2023-05-10", attachment: "缴存比例表.docx"))
            .Append(Row("2024-00004", "示范市城市道路挖掘管理规定", "2024-03-02 09:00", "行政规范性文件", "示府规〔2024〕2号", "2024-02-20", repealed: "2025-01-01", note: "依据清理决定废止"))
            .Append(Row("2025-00002", "示范市住房公积金管理办法", "2025-06-01 09:00", "行政规范性文件", "示府规〔2025〕1号", "2025-05-25", replaces: $"{stem}/2023-00001"))
            .Append(Row("2025-00003", "《示范市住房公积金管理办法》政策解读", "2025-06-02 09:00", "政策解读", interprets: $"{stem}/2025-00002"));
        for (var i = 1; i <= 21; i++) csv.Append(Row($"2025-{100 + i:D5}", $"关于做好第{i}批防汛工作的通知", $"2025-07-{i:D2} 10:00"));
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        await using var scope = factory.Services.CreateAsyncScope();
        using (var attachments = AttachmentSource.Open(folder))
        {
            var report = await scope.ServiceProvider.GetRequiredService<Importer>().ImportAsync(ImportKind.Documents, () => new MemoryStream(bytes), "documents.csv",
                new ImportOptions(AuditActor.System), attachments);
            report.Refusals.ShouldBeEmpty();
        }
        // The revision ended the old rule's term the day before it was published, as publishing here would have.
        var db = scope.ServiceProvider.GetRequiredService<Core.Storage.GongkaiDbContext>();
        var old = db.Documents.Single(d => d.IndexNumber == $"{stem}/2023-00001");
        old.ValidUntil = new DateOnly(2025, 5, 31);
        await db.SaveChangesAsync();
        var head = new RequestActor(new AuditActor(Guid.NewGuid(), "公开办负责人", null), agency.Id, [Roles.OfficeHead], AgencyScope.Everything);
        var service = scope.ServiceProvider.GetRequiredService<AnnualReportService>();
        var seed = Directory.GetFiles(Path.Combine(Root(), "tests", "data", "seeds"), "000_*.txt").Single();
        var imported = (await service.ImportAsync(agency.Id, 2020, await File.ReadAllBytesAsync(seed), "2020年报.txt", head)).Value!;
        (await service.PublishImportAsync(imported.Id, imported.Version, head)).Succeeded.ShouldBeTrue();
        return (agency, stem);
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Gongkai.slnx"))) dir = dir.Parent;
        return dir.FullName;
    }
}
