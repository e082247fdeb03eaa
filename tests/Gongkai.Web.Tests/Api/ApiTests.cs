using System.Net;
using System.Text.Json;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Api;

public sealed class ApiTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Theory]
    [InlineData("/health/live", "{\"status\":\"ok\"}")]
    [InlineData("/health/ready", "{\"status\":\"ok\",\"database\":\"ok\",\"redis\":\"none\",\"files\":\"ok\"}")]
    [InlineData("/health", "{\"status\":\"ok\",\"database\":\"ok\",\"redis\":\"none\",\"files\":\"ok\"}")]
    public async Task Health_OneServerOnSqlite_OkWithoutRedis(string path, string expected)
    {
        var response = await factory.Browser().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe(expected);
    }

    [Fact]
    public async Task Health_DatabaseUnreachable_NotReadyButLive()
    {
        using var down = new GongkaiFactory(new()
        {
            ["Gongkai:Database"] = "PostgreSQL",
            ["ConnectionStrings:Gongkai"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Timeout=2",
            ["Gongkai:MigrateOnStartup"] = "false",
        });

        var ready = await down.Browser().GetAsync("/health/ready");
        var live = await down.Browser().GetAsync("/health/live");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync()).ShouldStartWith("{\"status\":\"unavailable\",\"database\":\"unreachable\",\"redis\":\"none\"");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("Bearer wrong-token", HttpStatusCode.Unauthorized)]
    [InlineData("Bearer metrics-token-for-tests", HttpStatusCode.OK)]
    public async Task Metrics_ByBearerToken_OnlyForOperators(string? authorization, HttpStatusCode expected)
    {
        using var monitored = new GongkaiFactory(new() { ["Gongkai:Metrics:Token"] = "metrics-token-for-tests" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await monitored.Browser().SendAsync(request);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.OK)
            (await response.Content.ReadAsStringAsync()).ShouldContain("gongkai_pdf_queue_length");
    }

    [Fact]
    public async Task Metrics_SignedInStaffNotAdministrator_Forbidden()
    {
        var agency = await factory.AgencyAsync("指标测试市人民政府", AgencyLevel.City);
        await factory.UserAsync("metrics.handler", Gongkai.Core.Accounts.Roles.Handler, agency.Id);
        var client = factory.Browser();
        await client.LogInAsync("metrics.handler");

        (await client.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Agencies_List_ChineseNamesAndLevelsAsText()
    {
        var agency = await factory.AgencyAsync("接口测试市人民政府", AgencyLevel.City);

        var json = await factory.Browser().GetStringAsync("/api/v1/agencies");
        var detail = JsonDocument.Parse(await factory.Browser().GetStringAsync($"/api/v1/agencies/{agency.Id}")).RootElement;

        json.ShouldContain("\"name\":\"接口测试市人民政府\"");
        json.ShouldContain("\"level\":\"City\",\"levelLabel\":\"市\"");
        detail.GetProperty("guide").GetString().ShouldStartWith("一、主动公开");
        detail.GetProperty("office").GetProperty("phone").GetString().ShouldBe("0999-12345678");
        (await factory.Browser().GetAsync("/api/v1/agencies/987654")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheApiOnly()
    {
        var document = JsonDocument.Parse(await factory.Browser().GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldBe(["/api/v1/agencies", "/api/v1/agencies/{id}", "/api/v1/documents", "/api/v1/documents/{id}", "/api/v1/documents/search",
            "/api/v1/reports", "/api/v1/reports/{id}", "/api/v1/requests", "/api/v1/requests/track", "/api/v1/requests/track/letter",
            "/api/v1/staff/antiforgery", "/api/v1/staff/requests", "/api/v1/staff/requests/{id}", "/api/v1/staff/requests/{id}/steps"], ignoreOrder: true);
    }
}
