using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Tests;
using Npgsql;

namespace Gongkai.E2E.Cluster;

/// <summary>
/// Several web servers on one PostgreSQL and Redis behind a load balancer (issue 15): what one
/// server does, the other knows at once — the sign-in, the catalogue, the files, the background
/// work — and a server that stops finishes what it was serving while the other carries on.
/// </summary>
[Trait(TestCategory.Name, TestCategory.PostgreSQL)]
public sealed partial class ClusterTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private const string DemoPassword = "Shifan-2026";

    [Fact]
    public async Task SignIn_ThroughTheBalancer_ValidOnBothServers()
    {
        var (http, _) = Client(cluster.BalancerUrl);

        // The form comes from one server and is posted to the other: the antiforgery token and the
        // cookie are protected with keys both read from the database.
        (await LogInAsync(http, "shi.chengban")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var servedBy = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await http.GetAsync("/staff");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, "signed in on every server");
            (await response.Content.ReadAsStringAsync()).ShouldContain("王志强");
            servedBy.Add(response.Headers.GetValues("X-Served-By").Single());
        }

        servedBy.Distinct().Order().ShouldBe(["a", "b"]);
    }

    [Fact]
    public async Task Publish_OnA_OnBsCachedCatalogueSearchAndFilesAtOnce()
    {
        var title = "集群测试公告" + Guid.NewGuid().ToString("N")[..6];
        var b = Client(cluster.B.BaseUrl).Http;
        var untouched = "/catalog?topic=FinanceAndAudit";

        var (handler, _) = Client(cluster.A.BaseUrl);
        await LogInAsync(handler, "shi.chengban");
        var (reviewer, _) = Client(cluster.A.BaseUrl);
        await LogInAsync(reviewer, "shi.baomi");
        var created = await PostFormAsync(handler, "/staff/documents/new", "/staff/documents/new",
            ("Input.Title", title), ("Input.Kind", "Ordinary"), ("Input.Topic", "General"), ("Input.Body", "本公告用于检验多台服务器的协同。"));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var staffPage = created.Headers.Location!.ToString();
        var attachment = Docx("附件正文：集群");
        var uploaded = await UploadAsync(handler, staffPage, attachment, "说明.docx");
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostFormAsync(handler, staffPage, staffPage + "?handler=Submit", ("version", await VersionAsync(handler, staffPage)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostFormAsync(reviewer, staffPage, staffPage + "?handler=Approve", ("version", await VersionAsync(reviewer, staffPage)), ("opinion", "同意公开")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Just before the publication, both lists are in B's cache (in Redis): a page is stored once
        // its response is written, so ask until B answers from the cache.
        foreach (var page in new[] { "/catalog", untouched })
            (await EventuallyAsync(() => AgeAsync(b, page), age => age is not null)).ShouldNotBeNull($"{page} is cached (in Redis) before the publication");
        var published = await PostFormAsync(handler, staffPage, staffPage + "?handler=Publish", ("version", await VersionAsync(handler, staffPage)));
        published.Headers.Location!.ToString().ShouldEndWith("?done=published");

        var catalogue = await b.GetStringAsync("/catalog");
        catalogue.ShouldContain(title, customMessage: "B's cached first page was evicted by A's publication");
        (await b.GetStringAsync("/search?q=" + Uri.EscapeDataString(title))).ShouldContain(title);
        (await AgeAsync(b, untouched)).ShouldNotBeNull("a list the document is not in keeps its cached copy");
        var id = Regex.Match(catalogue, "href=\"/documents/(\\d+)\">" + Regex.Escape(title)).Groups[1].Value;
        var document = await b.GetStringAsync("/documents/" + id);
        var file = FileLink().Match(document);
        file.Success.ShouldBeTrue("the document page on B lists the attachment uploaded on A");
        (await b.GetByteArrayAsync(file.Groups[0].Value)).ShouldBe(attachment, "the file stored on A is read on B");
    }

    [Fact]
    public async Task ReminderJob_TwoServersPolling_RunsOnce()
    {
        // Both servers look for due jobs every second; the reminder job is due every half hour. Wait
        // for its first run however slow the machine, then for both servers to look again several
        // times: a second run would happen then.
        var (runs, holder) = await EventuallyAsync(ReminderLeaseAsync, lease => lease.Runs >= 1);
        runs.ShouldBe(1);
        await cluster.WaitForJobPollsAsync(3);

        (runs, holder) = await ReminderLeaseAsync();
        runs.ShouldBe(1, "run once for both servers");
        holder.ShouldNotBeNullOrEmpty();
        var recipients = cluster.Mail.Messages.Select(m => m.To.ToString()).ToList();
        recipients.ShouldBe(recipients.Distinct(), "nobody gets the day's reminder twice");
    }

    [Fact]
    public async Task OpenData_MadeOnceInTheFileStore_ServedByBothServers()
    {
        var (http, _) = Client(cluster.BalancerUrl);
        // One server's job makes the day's dump soon after the start, into the database; either serves it.
        var page = await EventuallyAsync(() => http.GetStringAsync("/open-data"), p => ManifestLink().IsMatch(p));
        var day = ManifestLink().Match(page).Groups[1].Value;
        var manifestBytes = await http.GetByteArrayAsync($"/open-data/{day}/manifest.json");
        using var manifest = JsonDocument.Parse(manifestBytes);
        var documents = manifest.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "documents.jsonl");
        var (manifestsFrom, documentsFrom) = (new List<string>(), new List<string>());
        for (var i = 0; i < 4; i++)
        {
            // The same manifest (its generatedAt included) from both: one dump, not one per server.
            using var response = await http.GetAsync($"/open-data/{day}/manifest.json");
            (await response.Content.ReadAsByteArrayAsync()).ShouldBe(manifestBytes);
            manifestsFrom.Add(response.Headers.GetValues("X-Served-By").Single());
        }
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.GetAsync($"/open-data/{day}/documents.jsonl");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync())).ShouldBe(documents.GetProperty("sha256").GetString());
            documentsFrom.Add(response.Headers.GetValues("X-Served-By").Single());
        }

        manifestsFrom.Distinct().Order().ShouldBe(["a", "b"]);
        documentsFrom.Distinct().Order().ShouldBe(["a", "b"]);
        documents.GetProperty("count").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Sigterm_OnA_DrainsInFlightRequestsAndBCarriesOn()
    {
        var (direct, _) = Client(cluster.A.BaseUrl);
        var waitsBefore = WaitsStarted();
        var inFlight = Enumerable.Range(0, 3).Select(_ => direct.GetAsync("/bench/wait?ms=3000")).ToList();
        // A has them all in hand (it logs each request's start) before it is told to stop.
        await EventuallyAsync(() => Task.FromResult(WaitsStarted() - waitsBefore), started => started >= 3);
        var (balanced, _) = Client(cluster.BalancerUrl);
        var failures = new List<string>();
        var servedBy = new List<string>();
        var stop = cluster.A.StopAsync();
        // Through the balancer while A stops and for a few requests after it has stopped.
        var afterStop = 0;
        for (var i = 0; afterStop < 5; i++)
        {
            if (stop.IsCompleted) afterStop++;
            using var response = await balanced.GetAsync($"/catalog?older=0-{i}");
            if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{(int)response.StatusCode}");
            else servedBy.Add(response.Headers.GetValues("X-Served-By").Single());
        }
        var exitCode = await stop;

        foreach (var response in await Task.WhenAll(inFlight))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, "A finished what it was serving before it stopped");
            (await response.Content.ReadAsStringAsync()).ShouldBe("ok");
        }
        exitCode.ShouldBe(0);
        failures.ShouldBeEmpty("no request through the balancer failed while A stopped");
        servedBy.ShouldNotBeEmpty();
        servedBy[^1].ShouldBe("b", "B carries on");
        await cluster.RestartAAsync();
    }

    private int WaitsStarted() => cluster.A.Output.Split('\n').Count(line => line.Contains("Request starting", StringComparison.Ordinal) && line.Contains("/bench/wait", StringComparison.Ordinal));

    private async Task<(long Runs, string? Holder)> ReminderLeaseAsync()
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT runs, last_holder FROM cluster_leases WHERE name = 'reminder-mail'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : (0, null);
    }

    /// <summary>Asks again every 100 ms until the answer is the one awaited (or two minutes passed: the machine may be busy), and returns the last answer.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> ask, Func<T, bool> awaited)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var answer = await ask();
            if (awaited(answer) || DateTime.UtcNow > deadline) return answer;
            await Task.Delay(100);
        }
    }

    private static (HttpClient Http, CookieContainer Cookies) Client(string baseUrl)
    {
        var cookies = new CookieContainer();
        return (new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) }, cookies);
    }

    private static async Task<string?> AgeAsync(HttpClient http, string page)
    {
        using var response = await http.GetAsync(page);
        return response.Headers.Age?.ToString();
    }

    private static Task<HttpResponseMessage> LogInAsync(HttpClient http, string userName) =>
        PostFormAsync(http, "/account/login", "/account/login", ("UserName", userName), ("Password", DemoPassword));

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient http, string page, string action, params (string Name, string Value)[] fields)
    {
        var token = await TokenAsync(http, page);
        return await http.PostAsync(action, new FormUrlEncodedContent(
            fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token))));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient http, string page, byte[] content, string fileName)
    {
        var token = await TokenAsync(http, page);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(content), "file", fileName },
            { new StringContent(await VersionAsync(http, page)), "version" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return await http.PostAsync(page + "?handler=Upload", form);
    }

    private static async Task<string> TokenAsync(HttpClient http, string page) =>
        WebUtility.HtmlDecode(TokenField().Match(await http.GetStringAsync(page)).Groups[1].Value);

    private static async Task<string> VersionAsync(HttpClient http, string page) =>
        VersionField().Match(await http.GetStringAsync(page)).Groups[1].Value;

    /// <summary>A one-paragraph Word document.</summary>
    private static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            word.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text)))));
        }
        return stream.ToArray();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex VersionField();

    [GeneratedRegex("/documents/\\d+/files/\\d+")]
    private static partial Regex FileLink();

    [GeneratedRegex("/open-data/(\\d{4}-\\d{2}-\\d{2})/manifest.json")]
    private static partial Regex ManifestLink();
}
