using System.Net;
using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Pages;

public sealed class AccountTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Login_OneTimePassword_MustChangeItBeforeAnythingElse()
    {
        var agency = await factory.AgencyAsync("改密测试市人民政府", AgencyLevel.City);
        await factory.UserAsync("new.starter", Roles.Handler, agency.Id, mustChangePassword: true);
        var client = factory.Browser();

        var login = await client.LogInAsync("new.starter");
        login.Headers.Location!.ToString().ShouldStartWith("/account/change-password");
        (await client.GetAsync("/staff")).Headers.Location!.ToString().ShouldBe("/account/change-password");

        var changed = await client.PostFormAsync("/account/change-password",
            ("CurrentPassword", GongkaiFactory.Password), ("NewPassword", "My-Own-Pass-99"), ("ConfirmPassword", "My-Own-Pass-99"));

        changed.Headers.Location!.ToString().ShouldBe("/staff");
        (await client.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Register_NewApplicant_SignedInAndCanUseTracking()
    {
        var client = factory.Browser();

        var response = await client.PostFormAsync("/account/register",
            ("Input.UserName", "li.si"), ("Input.DisplayName", "李四"), ("Input.PhoneNumber", "13800001111"),
            ("Input.Email", ""), ("Input.Password", "Lisi-Password-1"), ("ConfirmPassword", "Lisi-Password-1"));

        response.Headers.Location!.ToString().ShouldBe("/track");
        (await client.GetStringAsync("/")).ShouldContain("<span>李四</span>");
    }

    [Fact]
    public async Task Register_InvalidInput_ErrorsBesideFields()
    {
        var html = await (await factory.Browser().PostFormAsync("/account/register",
            ("Input.UserName", "x"), ("Input.DisplayName", ""), ("Input.PhoneNumber", "abc"),
            ("Input.Email", "not-mail"), ("Input.Password", "short"), ("ConfirmPassword", "short"))).Content.ReadAsStringAsync();

        html.ShouldContain("用户名长度为3至50个字符。");
        html.ShouldContain("请填写姓名。");
        html.ShouldContain("电话号码格式不正确");
        html.ShouldContain("电子邮箱格式不正确。");
        html.ShouldContain("aria-invalid=\"true\"");
    }

    [Fact]
    public async Task TextSize_LargeChosen_EveryPageInLargeText()
    {
        var client = factory.Browser();

        var response = await client.GetAsync("/preferences/text-size?size=large&returnUrl=%2Fguide");

        response.Headers.Location!.ToString().ShouldBe("/guide");
        (await client.GetStringAsync("/guide")).ShouldContain("<html lang=\"zh-CN\" class=\"text-large\">");
        var back = await client.GetAsync("/preferences/text-size?size=normal&returnUrl=https%3A%2F%2Fevil.example%2F");
        back.Headers.Location!.ToString().ShouldBe("/", "only local return addresses are followed");
        (await client.GetStringAsync("/guide")).ShouldContain("<html lang=\"zh-CN\">");
    }
}
