using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Accounts;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Tests.Support;
using Npgsql;

namespace Gongkai.Web.Tests.Pages;

/// <summary>The supervision workspace on PostgreSQL: upload, the report page, a decision, the export.</summary>
public sealed class SupervisionPostgresTests : IAsyncLifetime
{
    private readonly string database = "gongkai_sup_" + Guid.NewGuid().ToString("N")[..12];
    private string server = "";

    public async Task InitializeAsync()
    {
        server = Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("GONGKAI_TEST_POSTGRES is not set: run the tests through ./test.sh.");
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
        await create.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Workspace_OnPostgreSQL_UploadReviewDecideExport()
    {
        using var factory = new GongkaiFactory(new()
        {
            ["Gongkai:Database"] = "PostgreSQL",
            ["ConnectionStrings:Gongkai"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString(),
        });
        var city = await factory.AgencyAsync("深圳市人民政府", AgencyLevel.City);
        await factory.AgencyAsync("深圳市住房和建设局", AgencyLevel.Department, city.Id);
        await factory.UserAsync("pg.jiandu", Roles.Supervisor, city.Id);
        var client = factory.Browser();
        await client.LogInAsync("pg.jiandu");
        var created = await client.PostFormAsync("/staff/supervision", ("Name", "深圳市年报检查"));
        var workspace = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        (await client.UploadAsync(workspace, Uploads.SeedsZip())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var overview = await client.GetStringAsync($"/staff/supervision/{workspace}");
        var row = overview[overview.IndexOf(">深圳市住房和建设局<", StringComparison.Ordinal)..];
        var report = Regex.Match(row, "/reports/(\\d+)\"").Groups[1].Value;
        var page = $"/staff/supervision/{workspace}/reports/{report}";
        var html = await client.GetStringAsync(page);
        var finding = Regex.Match(html, "id=\"finding-(\\d+)\"").Groups[1].Value;
        var decided = await client.PostFormAsync(page, [KeyValuePair.Create("findingId", finding), KeyValuePair.Create("verdict", "Confirmed"), KeyValuePair.Create("note", "PG 上确认")],
            action: page + "?handler=Decide");

        decided.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync(page)).ShouldContain("已确认</strong>：PG 上确认");
        overview.ShouldContain("深圳市人民政府");
        (await client.GetAsync($"/staff/supervision/{workspace}/export?format=xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var view in new[] { "/ranking", "/charts", "/compare", "/summary" })
            (await client.GetAsync($"/staff/supervision/{workspace}{view}")).StatusCode.ShouldBe(HttpStatusCode.OK, view);
    }

    public async Task DisposeAsync()
    {
        if (server.Length == 0) return;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
