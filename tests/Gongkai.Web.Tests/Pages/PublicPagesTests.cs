using System.Net;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Pages;

public sealed class PublicPagesTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Theory]
    [InlineData("/", "政府信息公开")]
    [InlineData("/catalog", "暂无已发布的政府信息。")]
    [InlineData("/reports", "暂无已公布的年度报告。")]
    [InlineData("/requests/new", "所需信息的名称、文号或者便于查询的其他特征性描述")]
    [InlineData("/track", "查询码")]
    [InlineData("/guide", "政府信息公开指南")]
    [InlineData("/search?q=", "关键词")]
    public async Task StableUrl_Get_ServesItsPage(string path, string text)
    {
        var response = await factory.Browser().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(text);
    }

    [Fact]
    public async Task Guide_Agency_ShowsOfficeAndGuideText()
    {
        var agency = await factory.AgencyAsync("指南测试市人民政府", AgencyLevel.City);

        var html = await factory.Browser().GetStringAsync($"/guide/{agency.Id}");

        html.ShouldContain("<h1>指南测试市人民政府政府信息公开指南</h1>");
        html.ShouldContain("指南测试市人民政府办公室");
        html.ShouldContain("<p class=\"heading\">一、主动公开</p>");
    }

    [Fact]
    public async Task Search_AgencyName_Found()
    {
        var agency = await factory.AgencyAsync("搜索测试县人民政府", AgencyLevel.County);

        var html = await factory.Browser().GetStringAsync("/search?q=" + Uri.EscapeDataString("搜索测试县"));

        html.ShouldContain($"<a href=\"/guide/{agency.Id}\">搜索测试县人民政府</a>");
    }

    [Theory]
    [InlineData("abcd-efgh-jkl", "查询码格式不正确")]
    [InlineData("ABCD-EFGH-JKLM", "查询码格式不正确")]
    public async Task Track_MistypedCode_ToldApartFromUnknown(string code, string expected) =>
        (await (await factory.Browser().PostFormAsync("/track", ("Code", code))).Content.ReadAsStringAsync()).ShouldContain(expected);

    [Fact]
    public async Task Track_WellFormedCodeWithoutRequest_SameAnswerAsAWrongFactor()
    {
        var code = Domain.Requests.TrackingCode.Generate();

        var html = await (await factory.Browser().PostFormAsync("/track", ("Code", code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)), ("Factor", "0000")))
            .Content.ReadAsStringAsync();

        html.ShouldContain("查询码或验证信息不正确");
    }

    [Fact]
    public async Task UnknownPage_Get_ChineseNotFoundPage()
    {
        var response = await factory.Browser().GetAsync("/no/such/page");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("页面不存在");
    }
}
