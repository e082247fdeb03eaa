using System.Net;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Requests;

/// <summary>The citizen's side: the form's rules in Chinese, uploads recognised from their bytes, tracking behind a second factor.</summary>
public sealed class PublicRequestTests(RequestsFactory factory) : IClassFixture<RequestsFactory>
{
    [Fact]
    public async Task Form_EmptyOrWrong_EveryProblemSaidInChinese()
    {
        var client = factory.Browser();

        var response = await client.PostMultipartAsync("/requests/new", [("Input.AgencyId", "0"), ("Input.ApplicantType", "NaturalPerson"),
            ("Input.IdentityDocument", "ResidentIdCard"), ("Input.IdentityNumber", "110105194912310021"), ("Input.Phone", "12"), ("Input.DeliveryForm", "Email")], []);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("请选择受理申请的机关。");
        html.ShouldContain("请填写申请人姓名。");
        html.ShouldContain("居民身份证号码应为18位，且校验位正确。");
        html.ShouldContain("联系电话格式不正确");
        html.ShouldContain("请写明所需政府信息的名称、文号或者便于查询的其他特征性描述");
        html.ShouldContain("选择电子邮件获取的，请填写电子邮箱。");
        html.ShouldContain("请上传身份证件的扫描件或照片。");
        html.ShouldContain("aria-invalid=\"true\"");
    }

    [Fact]
    public async Task Form_FileNamedPngThatIsNot_RefusedByItsBytes()
    {
        var (office, _, _) = await factory.OfficeAsync("sniff");
        var client = factory.Browser();

        var response = await client.PostMultipartAsync("/requests/new", RequestsFactory.FormFields(office.Id), [("IdentityProof", "身份证.png", "#!/bin/sh\nrm -rf /\n"u8.ToArray())]);

        (await response.Content.ReadAsStringAsync()).ShouldContain("“身份证.png”：不支持的文件类型");
    }

    [Fact]
    public async Task Submit_ThenTrack_CodeAndSecondFactorNeeded()
    {
        var (office, _, _) = await factory.OfficeAsync("track");
        var citizen = factory.Browser();

        var submitted = await citizen.PostMultipartAsync("/requests/new", RequestsFactory.FormFields(office.Id), [("IdentityProof", "身份证.png", RequestsFactory.Png)]);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        submitted.Headers.Location!.ToString().ShouldBe("/requests/submitted");
        var confirmation = await citizen.GetStringAsync("/requests/submitted");
        var code = System.Text.RegularExpressions.Regex.Match(confirmation, "id=\"tracking-code\">([^<]+)<").Groups[1].Value;
        var caseLink = System.Text.RegularExpressions.Regex.Match(confirmation, "href=\"(/track/case/\\d+)\"").Groups[1].Value;
        (await citizen.GetStringAsync(caseLink)).ShouldContain("待确认收到");

        var stranger = factory.Browser();
        (await stranger.GetAsync(caseLink)).Headers.Location!.ToString().ShouldBe("/track", "a guessed id shows nothing");
        var noFactor = await stranger.PostFormAsync("/track", ("Code", code), ("Factor", ""));
        (await noFactor.Content.ReadAsStringAsync()).ShouldContain("请填写手机号码后四位或申请人姓名。");
        var wrongFactor = await stranger.PostFormAsync("/track", ("Code", code), ("Factor", "9999"));
        (await wrongFactor.Content.ReadAsStringAsync()).ShouldContain("查询码或验证信息不正确");
        var unknownCode = await stranger.PostFormAsync("/track", ("Code", Domain.Requests.TrackingCode.Generate()), ("Factor", "0000"));
        (await unknownCode.Content.ReadAsStringAsync()).ShouldContain("查询码或验证信息不正确");
        var right = await stranger.PostFormAsync("/track", ("Code", code.ToLowerInvariant()), ("Factor", "0000"));
        right.Headers.Location!.ToString().ShouldBe(caseLink);
        var page = await stranger.GetStringAsync(caseLink);
        page.ShouldContain("张三");
        page.ShouldNotContain("11010519491231002X");
    }

    [Fact]
    public async Task SignedInApplicant_SeesTheRequestUnderTheAccount()
    {
        var (office, _, _) = await factory.OfficeAsync("account");
        await factory.UserAsync("account.citizen", Core.Accounts.Roles.Applicant, null);
        var citizen = factory.Browser();
        await citizen.LogInAsync("account.citizen");

        await citizen.PostMultipartAsync("/requests/new", RequestsFactory.FormFields(office.Id, "李四", "13911112222"), [("IdentityProof", "id.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10])]);
        var mine = await citizen.GetStringAsync("/requests/mine");

        mine.ShouldContain("请公开2025年老旧小区改造项目清单");
        var link = System.Text.RegularExpressions.Regex.Match(mine, "href=\"(/track/case/\\d+)\"").Groups[1].Value;
        var fresh = factory.Browser();
        await fresh.LogInAsync("account.citizen");
        (await fresh.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK, "the account, not a tracking cookie, gives access");
    }
}
