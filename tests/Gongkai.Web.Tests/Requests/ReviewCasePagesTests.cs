using System.Net;
using Gongkai.Core.Accounts;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Requests;

/// <summary>/staff/reviews over HTTP: the agency's review and lawsuit cases, one not tied to a request, its answer's due date.</summary>
public sealed class ReviewCasePagesTests(RequestsFactory factory) : IClassFixture<RequestsFactory>
{
    [Fact]
    public async Task ReviewCase_ComplaintAboutProactiveDisclosure_RecordedWithItsDueDate()
    {
        var (office, handler, head) = await factory.OfficeAsync("fy");
        var request = await factory.RegisterAsync(office, handler, "2026-03-02");
        var client = factory.Browser();
        await client.LogInAsync(handler.UserName!);

        (await client.GetStringAsync("/staff")).ShouldContain("href=\"/staff/reviews\"");
        (await client.GetStringAsync("/staff/reviews")).ShouldContain("没有案件。");
        var missing = await client.PostFormAsync("/staff/reviews/new", ("Input.Kind", "Review"), ("Input.FiledOn", "2026-03-09"),
            ("Input.Authority", "fy市人民政府"), ("Input.Result", "Pending"));
        var saved = await client.PostFormAsync("/staff/reviews/new", ("Input.Kind", "Review"), ("Input.Subject", "认为本机关未依法主动公开停车收费标准"),
            ("Input.ApplicantName", "刘建国"), ("Input.FiledOn", "2026-03-09"), ("Input.CopyReceivedOn", "2026-03-13"),
            ("Input.Authority", "fy市人民政府"), ("Input.CaseNumber", "fy政复〔2026〕3号"), ("Input.Result", "Pending"));

        missing.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("未关联申请的案件，请填写事由");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetStringAsync(saved.Headers.Location!.OriginalString);
        page.ShouldContain("认为本机关未依法主动公开停车收费标准");
        page.ShouldContain("应于 <strong>2026-03-27（星期五）</strong> 前提交行政复议答复书");
        page.ShouldContain("期限如何计算");
        var list = await client.GetStringAsync("/staff/reviews");
        list.ShouldContain("fy政复〔2026〕3号");
        list.ShouldContain("期限 2026-03-27（星期五）");
        var head2 = factory.Browser();
        await head2.LogInAsync(head.UserName!);
        (await head2.GetStringAsync("/staff")).ShouldContain("复议诉讼待答复");

        var fromRequest = await client.GetAsync($"/staff/requests/{request.Id}/reviews/new");
        fromRequest.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        fromRequest.Headers.Location!.OriginalString.ShouldBe($"/staff/reviews/new?request={request.Id}");
        (await client.GetStringAsync($"/staff/reviews/new?request={request.Id}")).ShouldContain($"value=\"{request.Number}\"");

        var (_, stranger, _) = await factory.OfficeAsync("qt");
        var other = factory.Browser();
        await other.LogInAsync(stranger.UserName!);
        (await other.GetAsync(saved.Headers.Location!.OriginalString)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
