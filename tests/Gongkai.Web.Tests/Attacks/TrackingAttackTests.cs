using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Domain.Security;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Attacks;

/// <summary>
/// Attack #2 of issue 11: whoever has seen a 查询码 could try all 10,000 last-four-digit values.
/// Failures are counted per code, in the database, and the code is locked after a few.
/// </summary>
public sealed class TrackingAttackTests(RequestsFactory factory) : IClassFixture<RequestsFactory>
{
    [Fact]
    public async Task Track_WrongFactorsUpToTheLimit_ThenEvenTheRightOneIsRefused()
    {
        var (office, handler, _) = await factory.OfficeAsync("brute");
        var request = await factory.RegisterAsync(office, handler, "2026-03-16");
        var attacker = factory.Browser();

        var tries = new List<string>();
        for (var i = 0; i < TrackingLockout.MaxFailures; i++)
            tries.Add(await (await attacker.PostFormAsync("/track", ("Code", request.TrackingCode), ("Factor", (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)))).Content.ReadAsStringAsync());
        var right = await attacker.PostFormAsync("/track", ("Code", request.TrackingCode), ("Factor", "0000"));
        var api = await factory.Browser().PostAsJsonAsync("/api/v1/requests/track", new { code = request.TrackingCode, factor = "0000" });

        tries.ShouldAllBe(t => t.Contains("查询码或验证信息不正确"));
        right.StatusCode.ShouldBe(HttpStatusCode.OK, "no redirect to the case");
        (await right.Content.ReadAsStringAsync()).ShouldContain("已暂停查询");
        api.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await api.Content.ReadAsStringAsync()).ShouldContain("已暂停查询");
    }

    [Fact]
    public async Task Track_ParallelGuesses_StopAtTheLimit()
    {
        var (office, handler, _) = await factory.OfficeAsync("parallel");
        var request = await factory.RegisterAsync(office, handler, "2026-03-16");

        var answers = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => factory.Browser()
            .PostAsJsonAsync("/api/v1/requests/track", new { code = request.TrackingCode, factor = (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        answers.Count(a => a.StatusCode == HttpStatusCode.NotFound).ShouldBeLessThanOrEqualTo(TrackingLockout.MaxFailures, "at most the limit of guesses is checked");
        answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests).ShouldBeGreaterThanOrEqualTo(20 - TrackingLockout.MaxFailures);
    }

    [Fact]
    public async Task Track_UnknownCode_LockedTheSameWayAsAKnownOne()
    {
        var code = Domain.Requests.TrackingCode.Generate();
        var attacker = factory.Browser();

        for (var i = 0; i < TrackingLockout.MaxFailures; i++)
            await attacker.PostFormAsync("/track", ("Code", code), ("Factor", "1234"));
        var next = await attacker.PostFormAsync("/track", ("Code", code), ("Factor", "1234"));

        (await next.Content.ReadAsStringAsync()).ShouldContain("已暂停查询", customMessage: "a lock tells nothing about whether the code exists");
    }

    [Fact]
    public async Task Track_AfterFailedTries_TheApplicantIsToldOnTheNextAccess()
    {
        var (office, handler, _) = await factory.OfficeAsync("told");
        var request = await factory.RegisterAsync(office, handler, "2026-03-16");
        var attacker = factory.Browser();
        await attacker.PostFormAsync("/track", ("Code", request.TrackingCode), ("Factor", "1234"));
        await attacker.PostFormAsync("/track", ("Code", request.TrackingCode), ("Factor", "李四"));
        var applicant = factory.Browser();

        var found = await applicant.PostFormAsync("/track", ("Code", request.TrackingCode), ("Factor", "0000"));
        var page = await applicant.GetStringAsync(found.Headers.Location!.OriginalString);
        var api = JsonDocument.Parse(await (await factory.Browser().PostAsJsonAsync("/api/v1/requests/track",
            new { code = request.TrackingCode, factor = "0000" })).Content.ReadAsStringAsync()).RootElement;

        page.ShouldContain("2次验证信息不正确的查询");
        api.GetProperty("securityNotice").ValueKind.ShouldBe(JsonValueKind.Null, "told once");
    }
}
