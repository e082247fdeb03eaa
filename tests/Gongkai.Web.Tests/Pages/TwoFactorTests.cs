using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Accounts;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Pages;

public sealed class TwoFactorTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Login_AfterEnablingTotp_AsksForTheCodeBeforeSigningIn()
    {
        await factory.UserAsync("totp.user", Roles.Applicant, null);
        var client = factory.Browser();
        await client.LogInAsync("totp.user");
        var page = await client.GetStringAsync("/account/security");
        var key = Regex.Match(page, "<span class=\"secret\">([a-z2-7 ]+)</span>").Groups[1].Value;

        var wrong = await client.PostFormAsync("/account/security", [KeyValuePair.Create("Code", "000000"), KeyValuePair.Create("Password", GongkaiFactory.Password)], action: "/account/security?handler=Enable");
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("动态口令不正确");
        var enabled = await client.PostFormAsync("/account/security", [KeyValuePair.Create("Code", Totp.Code(key, DateTimeOffset.UtcNow)), KeyValuePair.Create("Password", GongkaiFactory.Password)], action: "/account/security?handler=Enable");
        (await enabled.Content.ReadAsStringAsync()).ShouldContain("动态口令已启用。");

        var next = factory.Browser();
        var password = await next.LogInAsync("totp.user");
        password.Headers.Location!.ToString().ShouldStartWith("/account/login-2fa");
        (await next.GetAsync("/account/security")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "a password alone does not sign in");
        var code = await next.PostFormAsync("/account/login-2fa", ("Code", Totp.Code(key, DateTimeOffset.UtcNow)));

        code.Headers.Location!.ToString().ShouldBe("/");
        (await next.GetAsync("/account/security")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
