using System.Net;
using System.Text.Json;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Api;

public sealed class ApiTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Health_DatabaseReachable_Ok()
    {
        var response = await factory.Browser().GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("{\"status\":\"ok\",\"database\":\"ok\"}");
    }

    [Fact]
    public async Task Health_DatabaseUnreachable_ServiceUnavailable()
    {
        using var down = new GongkaiFactory(new()
        {
            ["Gongkai:Database"] = "PostgreSQL",
            ["ConnectionStrings:Gongkai"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Timeout=2",
            ["Gongkai:MigrateOnStartup"] = "false",
        });

        var response = await down.Browser().GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldBe("{\"status\":\"unavailable\",\"database\":\"unreachable\"}");
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
