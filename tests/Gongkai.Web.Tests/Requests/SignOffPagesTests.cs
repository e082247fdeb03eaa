using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Requests.SignOff;
using Gongkai.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Requests;

/// <summary>The sign-off chain's pages: the step form drafts, the draft page acts per role, /verify and the admin's settings refuse bad input in Chinese.</summary>
public sealed partial class SignOffPagesTests(RequestsFactory factory) : IClassFixture<RequestsFactory>
{
    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex DraftVersion();

    [Fact]
    public async Task StepForm_AgencyWithTheChain_DraftsTheLetter_LegalReviewerReturnsIt_OtherAgencyCannotSeeIt()
    {
        var (office, handler, _) = await factory.OfficeAsync("chain");
        var legal = await factory.UserAsync("chain.legal", Roles.LegalReviewer, office.Id);
        await ChainAsync(office.Id);
        var request = await factory.RegisterAsync(office, handler, "2026-03-02");
        var client = factory.Browser();
        await client.LogInAsync(handler.UserName!);
        var version = VersionField().Match(await client.GetStringAsync($"/staff/requests/{request.Id}/decide")).Groups[1].Value;

        var posted = await client.PostFormAsync($"/staff/requests/{request.Id}/decide", ("Input.Version", version), ("Input.Date", "2026-03-19"),
            ("Input.Outcome", "DeniedInternalAffairs"), ("Input.Reason", "属于内部管理信息。"));

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var draftPage = posted.Headers.Location!.ToString().Split('?')[0];
        draftPage.ShouldStartWith("/staff/letters/");
        (await client.GetStringAsync($"/staff/requests/{request.Id}")).ShouldContain($"href=\"{draftPage}\"");
        var submitted = await client.PostFormAsync(draftPage, [KeyValuePair.Create("Version", DraftVersion().Match(await client.GetStringAsync(draftPage)).Groups[1].Value)],
            action: draftPage + "?handler=Submit");
        submitted.Headers.Location!.ToString().ShouldEndWith("?done=submitted");

        var reviewer = factory.Browser();
        await reviewer.LogInAsync(legal.UserName!);
        (await reviewer.GetStringAsync("/staff/letters")).ShouldContain(draftPage);
        var refused = await reviewer.PostFormAsync(draftPage, [KeyValuePair.Create("Version", DraftVersion().Match(await reviewer.GetStringAsync(draftPage)).Groups[1].Value),
            KeyValuePair.Create("Comment", "")], action: draftPage + "?handler=Return");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("请写明退回的理由和需要修改之处。");
        var returned = await reviewer.PostFormAsync(draftPage, [KeyValuePair.Create("Version", DraftVersion().Match(await reviewer.GetStringAsync(draftPage)).Groups[1].Value),
            KeyValuePair.Create("Comment", "请写明依据的具体条款。")], action: draftPage + "?handler=Return");
        returned.Headers.Location!.ToString().ShouldEndWith("?done=returned");
        (await client.GetStringAsync("/staff/letters")).ShouldContain("退回意见：请写明依据的具体条款。");
        (await client.GetStringAsync("/staff")).ShouldContain("1 件文书</a>等待您修改、审核或签发");

        var (_, stranger, _) = await factory.OfficeAsync("stranger");
        var other = factory.Browser();
        await other.LogInAsync(stranger.UserName!);
        (await other.GetAsync(draftPage)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Verify_MorePostsThanTheLimit_TooManyRequests_AndBadInputExplained()
    {
        using var limited = new GongkaiFactory(new() { ["Gongkai:PublicFormsPerMinute"] = "2" });
        var client = limited.Browser();

        var first = await client.PostFormAsync("/verify", ("Number", ""), ("Code", "abc"));
        await client.PostFormAsync("/verify", ("Number", "示府办依复〔2026〕1号"), ("Code", "ABCD-EFGH-JKLM"));
        var third = await client.PostFormAsync("/verify", ("Number", "示府办依复〔2026〕1号"), ("Code", "ABCD-EFGH-JKLM"));

        var html = await first.Content.ReadAsStringAsync();
        html.ShouldContain("请填写文书上的文号");
        html.ShouldContain("验证码格式不正确");
        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task AdminSettings_DamagedSealBadPrefixAndChainWithoutALegalReviewer_RefusedInChinese()
    {
        var (office, _, _) = await factory.OfficeAsync("settings");
        await factory.UserAsync("settings.admin", Roles.Admin, null);
        var admin = factory.Browser();
        await admin.LogInAsync("settings.admin");
        var page = $"/admin/agencies/{office.Id}/letters";

        var chain = await admin.PostFormAsync(page, [KeyValuePair.Create("Chain.ChainEnabled", "true"), KeyValuePair.Create("Chain.LegalReview", "true")],
            action: page + "?handler=Chain");
        var seal = await admin.PostMultipartAsync(page, [], [("Seal", "印章.png", RequestsFactory.Png)], action: page + "?handler=Seal");
        var prefix = await admin.PostFormAsync(page, [KeyValuePair.Create("Prefixes[Reply]", "示府办依复〔2026〕")], action: page + "?handler=Prefixes");

        (await chain.Content.ReadAsStringAsync()).ShouldContain("本机关没有法制审核员账号，不能开启法制审核");
        (await seal.Content.ReadAsStringAsync()).ShouldContain("印章图片已损坏或不是完整的 PNG 文件，请重新导出后上传。", Case.Sensitive, "the fixture's CRC and zlib checksum are wrong");
        (await prefix.Content.ReadAsStringAsync()).ShouldContain("文号前缀只能由汉字、字母和数字组成");
        var saved = await admin.PostFormAsync(page, [KeyValuePair.Create("Prefixes[Reply]", "设府办依复")], action: page + "?handler=Prefixes");
        saved.Headers.Location!.ToString().ShouldEndWith("?done=prefixes");
        (await admin.GetStringAsync(page)).ShouldContain("设府办依复〔2026〕1号");
    }

    private async Task ChainAsync(int agencyId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AgencyLetters>().SaveChainAsync(agencyId, new ChainInput(true, false, true, false), AuditActor.System);
        result.Succeeded.ShouldBeTrue(string.Join(" ", result.Errors.Select(e => e.Message)));
    }
}
