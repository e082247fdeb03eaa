using System.Net;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Pages;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Login_MorePostsThanTheLimit_TooManyRequests()
    {
        using var factory = new GongkaiFactory(new() { ["Gongkai:PublicFormsPerMinute"] = "3" });
        var client = factory.Browser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.PostFormAsync("/account/login", ("UserName", "nobody"), ("Password", "wrong"))).StatusCode);
        var limited = await client.PostFormAsync("/track", ("Code", "ABCD-EFGH-JKLM"));

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await limited.Content.ReadAsStringAsync()).ShouldContain("提交过于频繁，请一分钟后再试。");
        (await client.GetAsync("/account/login")).StatusCode.ShouldBe(HttpStatusCode.OK, "reading pages is never limited");
    }
}
