using System.Net;
using Gongkai.Core.Accounts;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Pages;

public sealed class AccessTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/agencies")]
    [InlineData("/admin/users")]
    public async Task StaffArea_Anonymous_RedirectedToLogin(string path)
    {
        var response = await factory.Browser().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("http://localhost/account/login?ReturnUrl=" + Uri.EscapeDataString(path));
    }

    [Fact]
    public async Task StaffAgencyDetails_AnotherAgencysRecordByUrlAndId_NotFound()
    {
        var city = await factory.AgencyAsync("访问测试市人民政府", AgencyLevel.City);
        var education = await factory.AgencyAsync("访问测试市教育局", AgencyLevel.Department, city.Id);
        var police = await factory.AgencyAsync("访问测试市公安局", AgencyLevel.Department, city.Id);
        await factory.UserAsync("edu.handler", Roles.Handler, education.Id);
        var client = factory.Browser();
        await client.LogInAsync("edu.handler");

        (await client.GetAsync($"/staff/agencies/{education.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var other = await client.GetAsync($"/staff/agencies/{police.Id}");
        var missing = await client.GetAsync("/staff/agencies/999999");

        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var otherPage = await other.Content.ReadAsStringAsync();
        otherPage.ShouldNotContain("访问测试市公安局");
        otherPage.ShouldContain("页面不存在", Case.Sensitive, "the same answer as for a record that does not exist");
        (await missing.Content.ReadAsStringAsync()).ShouldContain("页面不存在");
        (await client.GetStringAsync("/staff/agencies")).ShouldNotContain("访问测试市公安局");
    }

    [Fact]
    public async Task StaffAgencyDetails_SupervisorOfParent_SeesSubordinateButNotSibling()
    {
        var city = await factory.AgencyAsync("监督测试市人民政府", AgencyLevel.City);
        var district = await factory.AgencyAsync("监督测试区人民政府", AgencyLevel.County, city.Id);
        var street = await factory.AgencyAsync("监督测试街道办事处", AgencyLevel.Township, district.Id);
        var otherDistrict = await factory.AgencyAsync("另一区人民政府", AgencyLevel.County, city.Id);
        await factory.UserAsync("district.supervisor", Roles.Supervisor, district.Id);
        var client = factory.Browser();
        await client.LogInAsync("district.supervisor");

        (await client.GetAsync($"/staff/agencies/{street.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/staff/agencies/{otherDistrict.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/staff/agencies/{city.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AdminArea_Handler_AccessDenied()
    {
        var agency = await factory.AgencyAsync("权限测试市人民政府", AgencyLevel.City);
        await factory.UserAsync("plain.handler", Roles.Handler, agency.Id);
        var client = factory.Browser();
        await client.LogInAsync("plain.handler");

        var response = await client.GetAsync("/admin/users");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/access-denied");
    }

    [Fact]
    public async Task StaffArea_Applicant_AccessDenied()
    {
        await factory.UserAsync("some.applicant", Roles.Applicant, null);
        var client = factory.Browser();
        await client.LogInAsync("some.applicant");

        (await client.GetAsync("/staff")).Headers.Location!.AbsolutePath.ShouldBe("/account/access-denied");
    }
}
