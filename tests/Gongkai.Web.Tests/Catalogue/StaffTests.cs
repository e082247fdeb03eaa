using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Catalogue;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Catalogue;

/// <summary>The staff side through its forms: drafting, the 错敏词 check, review, publishing, and the agency scope.</summary>
public sealed partial class StaffTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    private async Task<HttpClient> SignedInAsync(string userName, string role, int agencyId)
    {
        await factory.UserAsync(userName, role, agencyId);
        var client = factory.Browser();
        await client.LogInAsync(userName);
        return client;
    }

    private static async Task<string> VersionAsync(HttpClient client, string page) =>
        VersionField().Match(await client.GetStringAsync(page)).Groups[1].Value;

    [Fact]
    public async Task Journey_DraftCheckReviewPublish_ThroughTheForms()
    {
        var agency = await factory.AgencyAsync("流程测试市人民政府", AgencyLevel.City);
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<WordList>().ImportAsync("词语,类型,更正,处理方式,说明\n截止目前,错误表述,截至目前,提示,\n", false, AuditActor.System);
        var handler = await SignedInAsync("flow.handler", Roles.Handler, agency.Id);
        var reviewer = await SignedInAsync("flow.reviewer", Roles.Reviewer, agency.Id);

        var created = await handler.PostFormAsync("/staff/documents/new", ("Input.Title", "流程测试市公共服务事项清单"), ("Input.Kind", "Ordinary"),
            ("Input.Topic", "General"), ("Input.Body", "截止目前，全市共有公共服务事项120项。"));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = created.Headers.Location!.ToString();
        var draft = await handler.GetStringAsync(page);
        draft.ShouldContain("<mark>截止目前</mark>");
        draft.ShouldContain("改为“截至目前”");

        var edited = await handler.PostFormAsync(page + "/edit", ("Version", await VersionAsync(handler, page)), ("Input.Title", "流程测试市公共服务事项清单"),
            ("Input.Kind", "Ordinary"), ("Input.Topic", "General"), ("Input.Body", "截至目前，全市共有公共服务事项120项。"));
        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await handler.GetStringAsync(page)).ShouldContain("未发现错敏词");
        (await handler.PostFormAsync(page, [KeyValuePair.Create("version", await VersionAsync(handler, page))], page + "?handler=Submit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var reviewPage = await reviewer.GetStringAsync(page);
        reviewPage.ShouldContain("审查通过");
        (await reviewer.PostFormAsync(page, [KeyValuePair.Create("version", await VersionAsync(reviewer, page)), KeyValuePair.Create("opinion", "不涉密，同意公开")],
            page + "?handler=Approve")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var published = await handler.PostFormAsync(page, [KeyValuePair.Create("version", await VersionAsync(handler, page))], page + "?handler=Publish");

        published.Headers.Location!.ToString().ShouldEndWith("?done=published");
        var done = await handler.GetStringAsync(published.Headers.Location!.ToString());
        done.ShouldContain("已发布。");
        done.ShouldContain("不涉密，同意公开");
        (await factory.Browser().GetStringAsync("/search?q=" + Uri.EscapeDataString("公共服务事项清单"))).ShouldContain("流程测试市<mark>公共服务事项清单</mark>");
    }

    [Fact]
    public async Task Publish_WithoutReview_RefusedOnThePage()
    {
        var agency = await factory.AgencyAsync("未审测试市人民政府", AgencyLevel.City);
        var handler = await SignedInAsync("noreview.handler", Roles.Handler, agency.Id);
        var draft = await factory.DraftAsync(agency.Id, "未经审查的草稿");
        var page = $"/staff/documents/{draft.Id}";

        var response = await handler.PostFormAsync(page, [KeyValuePair.Create("version", await VersionAsync(handler, page))], page + "?handler=Publish");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("未经保密审查通过的信息不能发布（先审查、后公开）");
    }

    [Fact]
    public async Task AnotherAgencysDraft_ByIdOrItsFiles_NotFound()
    {
        var mine = await factory.AgencyAsync("本机关测试局", AgencyLevel.City);
        var theirs = await factory.AgencyAsync("他机关测试局", AgencyLevel.City);
        var handler = await SignedInAsync("scope.handler", Roles.Handler, mine.Id);
        var draft = await factory.DraftAsync(theirs.Id, "他机关的草稿");

        foreach (var path in new[] { $"/staff/documents/{draft.Id}", $"/staff/documents/{draft.Id}/edit", $"/staff/documents/{draft.Id}/files/1" })
            (await handler.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        var token = await handler.TokenAsync("/staff/documents");
        var post = await handler.PostAsync($"/staff/documents/{draft.Id}?handler=Discard",
            new FormUrlEncodedContent([KeyValuePair.Create("version", "1"), KeyValuePair.Create("__RequestVerificationToken", token)]));
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await handler.GetStringAsync("/staff/documents")).ShouldNotContain("他机关的草稿");
    }

    [Fact]
    public async Task Body_WithScript_StoredSanitised()
    {
        var agency = await factory.AgencyAsync("净化测试市人民政府", AgencyLevel.City);
        var handler = await SignedInAsync("clean.handler", Roles.Handler, agency.Id);

        var created = await handler.PostFormAsync("/staff/documents/new", ("Input.Title", "净化测试"), ("Input.Kind", "Ordinary"), ("Input.Topic", "General"),
            ("Input.Body", "<p onmouseover=\"steal()\">正文<script>alert(document.cookie)</script><a href=\"javascript:alert(1)\">链接</a></p>"));

        var html = await handler.GetStringAsync(created.Headers.Location!.ToString());
        html.ShouldContain("<p>正文<a>链接</a></p>");
        html.ShouldNotContain("alert(");
    }

    [Fact]
    public async Task Upload_AttachmentTextIsCheckedToo()
    {
        var agency = await factory.AgencyAsync("附件检查测试局", AgencyLevel.City);
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<WordList>().ImportAsync("词语,类型,更正,处理方式,说明\n秘密★,敏感词,,禁止发布,涉密标志\n", false, AuditActor.System);
        var handler = await SignedInAsync("upload.handler", Roles.Handler, agency.Id);
        var draft = await factory.DraftAsync(agency.Id, "附件含涉密标志");
        var page = $"/staff/documents/{draft.Id}";

        var upload = await handler.PostFileAsync(page, page + "?handler=Upload", "file", Support.Catalogue.Docx("本件为秘密★1年"), "情况说明.docx",
            ("version", await VersionAsync(handler, page)));

        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await handler.GetStringAsync(page);
        html.ShouldContain("附件“情况说明.docx”");
        html.ShouldContain("<mark>秘密★</mark>");
        html.ShouldContain("须修改后才能提交");
    }

    [Fact]
    public async Task Statistics_TableTwoFiguresForTheAgency()
    {
        var agency = await factory.AgencyAsync("统计测试市人民政府", AgencyLevel.City);
        var handler = await SignedInAsync("stats.handler", Roles.Handler, agency.Id);

        var html = await handler.GetStringAsync($"/staff/documents/statistics?year=2026");

        html.ShouldContain("统计测试市人民政府 2026 年度");
        html.ShouldContain("<th scope=\"row\">行政规范性文件</th>");
    }
}
