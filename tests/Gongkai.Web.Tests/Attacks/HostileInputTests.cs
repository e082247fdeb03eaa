using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gongkai.Core.Accounts;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Attacks;

/// <summary>
/// Attacks #8, #9 and #10 of issue 11: hostile query strings and bodies answered 500, an oversized
/// upload a generic error page. Every one of these answers 4xx with a Chinese message; the API's in
/// ProblemDetails (application/problem+json).
/// </summary>
public sealed class HostileInputTests(RequestsFactory factory) : IClassFixture<RequestsFactory>
{
    private static readonly string Long = new('公', 5000);
    private static int offices;

    /// <summary>Public pages and feeds with the values an attacker types into their query strings and routes.</summary>
    public static TheoryData<string> HostileGets() =>
    [
        "/search?q=住房&agency=-5", "/search?q=住房&year=-1", "/search?q=住房&year=99999", "/search?q=住房&category=-1&agency=0",
        "/search?q=住房&page=-3", "/search?q=住房&page=99999999999", "/search?q=住房&kind=Bogus&validity=x", "/search?q=\"", "/search?q=AND OR NOT",
        "/search?q=*", "/search?q=NEAR(", "/search?q=%00", "/search?q=" + Long, "/search?q=住房&fulltext=maybe",
        "/catalog?year=-1", "/catalog?year=99999", "/catalog?agency=-5&category=-1", "/catalog?topic=bogus", "/catalog?older=garbage", "/catalog?newer=-1_-1",
        "/catalog?older=99999999999999999999_1", "/reports?year=-1", "/reports?year=99999&agency=-5", "/reports/-1", "/reports/0", "/reports/0/download/pdf",
        "/reports/1/download/..%2F..%2Fetc%2Fpasswd", "/guide/-1", "/guide/0/file", "/documents/-1", "/documents/0/print", "/documents/-1/files/-1",
        "/documents/..%2F..", "/track/case/-1", "/track/case/0?handler=Letter&letterId=-1&format=pdf", "/requests/new?agency=-5",
        "/feeds/rss.xml?agency=-5", "/feeds/atom.xml?agency=abc", "/feeds/feed.json?agency=99999999999", "/sitemaps/documents--1.xml",
        "/sitemaps/documents-99999999.xml", "/api/v1/agencies/-1", "/api/v1/agencies/0", "/preferences/text-size?size=" + Long,
    ];

    [Theory]
    [MemberData(nameof(HostileGets))]
    public async Task Get_HostileQueryOrRoute_NeverAServerError(string path)
    {
        var response = await factory.Browser().GetAsync(path);

        ((int)response.StatusCode).ShouldBeLessThan(500, path);
    }

    [Theory]
    [InlineData("/search?q=住房&agency=-5")]
    [InlineData("/search?q=住房&year=-1")]
    [InlineData("/search?q=住房&year=99999")]
    [InlineData("/catalog?year=-1")]
    [InlineData("/reports?year=99999")]
    public async Task Get_FilterOutOfRange_BadRequestInChinese(string path)
    {
        var response = await factory.Browser().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("筛选条件无效");
    }

    /// <summary>Bodies for the public request API: missing, malformed, null where something is required, out of range.</summary>
    public static TheoryData<string, string> HostileBodies() => new()
    {
        { "/api/v1/requests", "" },
        { "/api/v1/requests", "{}" },
        { "/api/v1/requests", "null" },
        { "/api/v1/requests", "[]" },
        { "/api/v1/requests", "\"text\"" },
        { "/api/v1/requests", "{not json" },
        { "/api/v1/requests", "{\"application\":null}" },
        { "/api/v1/requests", "{\"application\":{}}" },
        { "/api/v1/requests", "{\"application\":{\"agencyId\":-5}}" },
        { "/api/v1/requests", "{\"application\":{\"agencyId\":99999999999}}" },
        { "/api/v1/requests", "{\"application\":{\"applicantType\":\"Bogus\"}}" },
        { "/api/v1/requests", "{\"application\":{},\"attachments\":[null]}" },
        { "/api/v1/requests", "{\"application\":{},\"attachments\":[{\"kind\":\"IdentityProof\",\"fileName\":null,\"contentBase64\":null}]}" },
        { "/api/v1/requests", "{\"application\":{},\"attachments\":[{\"kind\":\"Bogus\",\"fileName\":\"a.png\",\"contentBase64\":\"!!\"}]}" },
        { "/api/v1/requests/track", "" },
        { "/api/v1/requests/track", "{}" },
        { "/api/v1/requests/track", "null" },
        { "/api/v1/requests/track", "{\"code\":null,\"factor\":null}" },
        { "/api/v1/requests/track", "{\"code\":12,\"factor\":[]}" },
        { "/api/v1/requests/track/letter", "{}" },
        { "/api/v1/requests/track/letter", "{\"code\":\"x\",\"factor\":\"y\",\"letterId\":-1,\"format\":null}" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task PublicApi_HostileBody_ProblemDetailsInChinese(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await factory.Browser().PostAsync(path, content);

        var status = (int)response.StatusCode;
        status.ShouldBeInRange(400, 499, $"{path} {body}");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{path} {body}");
        (await response.Content.ReadAsStringAsync()).ShouldMatch(@"\p{IsCJKUnifiedIdeographs}", $"{path} {body}");
    }

    [Theory]
    [InlineData("GET", "/api/v1/staff/requests/-1", null)]
    [InlineData("GET", "/api/v1/staff/requests?view=Bogus&page=-1", null)]
    [InlineData("GET", "/api/v1/staff/requests?page=99999999999", null)]
    [InlineData("POST", "/api/v1/staff/requests/-1/steps", "{}")]
    [InlineData("POST", "/api/v1/staff/requests/1/steps", "null")]
    [InlineData("POST", "/api/v1/staff/requests/1/steps", "{\"step\":\"Bogus\"}")]
    public async Task StaffApi_HostileInput_ProblemDetailsInChinese(string method, string path, string? body)
    {
        var (_, handler, _) = await factory.OfficeAsync("hostile" + Interlocked.Increment(ref offices).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var client = factory.Browser();
        await client.LogInAsync(handler.UserName!);
        var token = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/staff/antiforgery")).RootElement.GetProperty("token").GetString();
        using var message = new HttpRequestMessage(new HttpMethod(method), path);
        message.Headers.Add("RequestVerificationToken", token);
        if (body is not null)
            message.Content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await client.SendAsync(message);

        ((int)response.StatusCode).ShouldBeInRange(400, 499, path);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", path);
        (await response.Content.ReadAsStringAsync()).ShouldMatch(@"\p{IsCJKUnifiedIdeographs}", path);
    }

    [Fact]
    public async Task RequestForm_UploadOverTheLimit_FileTooLargeInChinese()
    {
        var (office, _, _) = await factory.OfficeAsync("toolarge");
        var client = factory.Browser();
        var huge = new byte[25 * 1024 * 1024];
        RequestsFactory.Png.CopyTo(huge, 0);

        var response = await client.PostMultipartAsync("/requests/new",
            [("Input.AgencyId", office.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.ApplicantName", "张三")],
            [("IdentityProof", "身份证.png", huge)]);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("文件过大");
    }

    [Fact]
    public async Task PublicApi_BodyOverTheLimit_FileTooLargeProblem()
    {
        var client = factory.Browser();
        using var content = new ByteArrayContent(new byte[40 * 1024 * 1024]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await client.PostAsync("/api/v1/requests", content);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("文件过大");
    }

    [Fact]
    public async Task StaffApi_AccountThatMustChangeItsPassword_Forbidden()
    {
        var (office, _, _) = await factory.OfficeAsync("mustchange");
        await factory.UserAsync("mustchange.api", Roles.Handler, office.Id, mustChangePassword: true);
        var client = factory.Browser();
        await client.LogInAsync("mustchange.api");

        var queue = await client.GetAsync("/api/v1/staff/requests");
        var token = await client.GetAsync("/api/v1/staff/antiforgery");
        var page = await client.GetAsync("/staff/requests");

        queue.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "attack #6: the administrator who issued the password cannot act as that person");
        queue.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await queue.Content.ReadAsStringAsync()).ShouldContain("须先修改");
        token.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        page.Headers.Location!.OriginalString.ShouldBe("/account/change-password");
    }
}
