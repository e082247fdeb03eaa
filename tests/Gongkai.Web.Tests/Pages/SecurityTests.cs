using System.Net;
using Gongkai.Core.Accounts;
using Gongkai.Web.Hosting;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Pages;

public sealed class SecurityTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    public static TheoryData<string> PublicPages => new()
    {
        "/", "/catalog", "/search?q=公开", "/requests/new", "/track", "/reports", "/guide", "/account/login", "/account/register", "/no-such-page",
    };

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    [InlineData("/track")]
    [InlineData("/requests/new")]
    public async Task Post_WithoutAntiforgeryToken_Refused(string path)
    {
        var response = await factory.Browser().PostAsync(path, new FormUrlEncodedContent([KeyValuePair.Create("UserName", "admin")]));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_SignedInWithoutAntiforgeryToken_Refused()
    {
        await factory.UserAsync("csrf.admin", Roles.Admin, null);
        var client = factory.Browser();
        await client.LogInAsync("csrf.admin");

        var response = await client.PostAsync("/admin/users/new", new FormUrlEncodedContent([KeyValuePair.Create("Input.UserName", "evil")]));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Response_AnyPage_CarriesStrictSecurityHeaders(string path)
    {
        var response = await factory.Browser().GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldBe(SecurityHeaders.ContentSecurityPolicy);
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin");
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Html_AnyPage_HasNoInlineScriptOrStyle(string path)
    {
        var html = await (await factory.Browser().GetAsync(path)).Content.ReadAsStringAsync();

        html.ShouldContain("<html lang=\"zh-CN\"");
        html.ShouldNotContain("<script");
        html.ShouldNotContain("<style");
        html.ShouldNotContain(" style=");
        System.Text.RegularExpressions.Regex.IsMatch(html, @"\son[a-z]+\s*=").ShouldBeFalse("no inline event handlers");
    }

    [Fact]
    public async Task Login_SignInCookie_HttpOnlyAndSameSite()
    {
        await factory.UserAsync("cookie.user", Roles.Applicant, null);
        var client = factory.Browser();

        var response = await client.LogInAsync("cookie.user");

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gongkai.auth=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=lax");
    }

    [Fact]
    public async Task Search_ScriptInQuery_OutputEncoded()
    {
        var html = await factory.Browser().GetStringAsync("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));

        html.ShouldNotContain("<script>alert(1)</script>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
