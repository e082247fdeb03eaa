using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Accounts;
using Gongkai.Domain.Agencies;
using Gongkai.Tests;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Pages;

/// <summary>The supervision workspace on PostgreSQL: upload, the report page, a decision, the export.</summary>
[Trait(TestCategory.Name, TestCategory.PostgreSQL)]
public sealed class SupervisionPostgresTests : IAsyncLifetime
{
    private PostgresDatabase? postgres;

    public async Task InitializeAsync() => postgres = await PostgresDatabase.CreateMigratedAsync("gongkai_sup");

    [Fact]
    public async Task Workspace_OnPostgreSQL_UploadReviewDecideExport()
    {
        using var factory = new GongkaiFactory(postgres!.Configuration);
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
        if (postgres is not null)
            await postgres.DisposeAsync();
    }
}
