using System.Net;
using Gongkai.Web.Hosting;
using Gongkai.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Attacks;

/// <summary>
/// Attack #1 of issue 11: the limiter compared path strings, so <c>/track/</c> and <c>/account/login/</c>
/// were never limited. The limit belongs to the endpoint, so every spelling of its route is limited.
/// </summary>
public sealed class RateLimitAttackTests(RateLimitAttackTests.Factory factory) : IClassFixture<RateLimitAttackTests.Factory>
{
    public sealed class Factory() : GongkaiFactory(new() { ["Gongkai:PublicFormsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private const int Limit = 3;
    private static int addresses;

    /// <summary>Every POST endpoint open to the public, written as an attacker can write it.</summary>
    public static TheoryData<string> PublicPosts()
    {
        var data = new TheoryData<string>();
        foreach (var path in new[]
                 {
                     "/account/login", "/account/login-2fa", "/account/register", "/track", "/requests/new", "/track/case/1?handler=Correct",
                     "/api/v1/requests", "/api/v1/requests/track", "/api/v1/requests/track/letter",
                 })
        {
            var (route, query) = path.Split('?') is [var r, var q] ? (r, "?" + q) : (path, "");
            data.Add(path);
            data.Add(route + "/" + query);
            data.Add(route.ToUpperInvariant() + query);
            if (route.LastIndexOf('/') > 0)
                data.Add(route[..route.LastIndexOf('/')] + "%2F" + route[(route.LastIndexOf('/') + 1)..] + query);
            data.Add(route + "%2F" + query);
            data.Add("/" + route + query);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PublicPosts))]
    public async Task Post_AnySpellingOfAPublicRoute_LimitedOrNeverReachesTheEndpoint(string path)
    {
        var address = IPAddress.Parse("198.51.100." + Interlocked.Increment(ref addresses).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Limit; i++)
            statuses.Add(await PostAsync(path, address));

        if (statuses.All(s => s is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed))
            return;
        statuses[..Limit].ShouldNotContain(HttpStatusCode.TooManyRequests, path);
        statuses[Limit].ShouldBe(HttpStatusCode.TooManyRequests, $"{path}: {string.Join(", ", statuses)}");
    }

    [Fact]
    public async Task Post_LimitReachedFromOneAddress_AnotherAddressStillServed()
    {
        var first = IPAddress.Parse("203.0.113.10");
        for (var i = 0; i < Limit; i++)
            await PostAsync("/track", first);

        (await PostAsync("/track", first)).ShouldBe(HttpStatusCode.TooManyRequests);
        (await PostAsync("/track", IPAddress.Parse("203.0.113.11"))).ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Post_IPv6AddressesOfOneNetwork_ShareTheirLimit()
    {
        for (var i = 0; i < Limit; i++)
            await PostAsync("/track", IPAddress.Parse("2001:db8:1:2::" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        (await PostAsync("/track", IPAddress.Parse("2001:db8:1:2::ff"))).ShouldBe(HttpStatusCode.TooManyRequests, "one /64 is one client");
        (await PostAsync("/track", IPAddress.Parse("2001:db8:1:3::1"))).ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Get_PublicForm_NeverLimited()
    {
        var address = IPAddress.Parse("203.0.113.20");
        for (var i = 0; i < Limit; i++)
            await PostAsync("/account/login", address);

        (await SendAsync("GET", "/account/login", address)).ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>
    /// The standing rule: an endpoint anyone may POST to carries the public-forms limit. A new public
    /// form or API endpoint without it fails here.
    /// </summary>
    [Fact]
    public void Endpoints_EveryAnonymousPost_CarriesTheRateLimit()
    {
        _ = factory.Server;
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var unlimited = endpoints
            .Where(e => AcceptsPost(e) && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Where(e => e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName != RateLimits.PublicForms)
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        endpoints.Count(AcceptsPost).ShouldBeGreaterThan(10, "the endpoints were found");
        unlimited.ShouldBe(["error"], ignoreOrder: true, "only the error page, which re-executes a failed request, is exempt");
    }

    private static bool AcceptsPost(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods
            ? methods.HttpMethods.Contains("POST")
            : endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page && page.HandlerMethods.Any(h => h.HttpMethod == "Post");

    private Task<HttpStatusCode> PostAsync(string path, IPAddress address) => SendAsync("POST", path, address);

    private async Task<HttpStatusCode> SendAsync(string method, string path, IPAddress address)
    {
        var (route, query) = path.Split('?') is [var r, var q] ? (r, "?" + q) : (path, "");
        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Path = PathString.FromUriComponent(route);
            c.Request.QueryString = new QueryString(query);
            c.Connection.RemoteIpAddress = address;
            if (method == "POST" && route.Contains("api", StringComparison.OrdinalIgnoreCase))
            {
                c.Request.ContentType = "application/json";
                c.Request.Body = new MemoryStream("{\"code\":\"ABCD\",\"factor\":\"1234\"}"u8.ToArray());
            }
            else if (method == "POST")
            {
                c.Request.ContentType = "application/x-www-form-urlencoded";
                c.Request.Body = new MemoryStream("Code=ABCD"u8.ToArray());
            }
        });
        return (HttpStatusCode)context.Response.StatusCode;
    }
}
