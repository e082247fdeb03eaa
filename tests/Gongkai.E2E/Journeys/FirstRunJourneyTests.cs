using System.Text.RegularExpressions;
using Gongkai.Domain.Agencies;
using Gongkai.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.E2E.Journeys;

/// <summary>
/// The first journey on a fresh installation: the administrator signs in with the password printed
/// on the console, sets a new one, creates an agency, a department and a staff account; that
/// account signs in, sets its password and sees only its own agency.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(TestCategory.Name, TestCategory.Browser)]
public sealed class FirstRunJourneyTests(Browser browser, ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private WebServer Server => fixture.Server;

    [Fact]
    public async Task Administrator_CreatesAgencyAndStaff_StaffSeesOnlyItsAgency()
    {
        var admin = await browser.NewPageAsync(Server.BaseUrl);
        await admin.GotoAsync("/staff");
        admin.Url.ShouldEndWith("/account/login?ReturnUrl=%2Fstaff");

        await LogInAsync(admin, "admin", Server.AdminPassword);
        await Expect(admin).ToHaveURLAsync(new Regex("/account/change-password"));
        await ChangePasswordAsync(admin, Server.AdminPassword, "Admin-Password-2026");
        await Expect(admin).ToHaveURLAsync(new Regex("/staff$"));
        (await admin.Locator("h1").TextContentAsync()).ShouldBe("工作台");

        var cityId = await CreateAgencyAsync(admin, "测试市人民政府", "市", parent: null, sequence: 1);
        var departmentId = await CreateAgencyAsync(admin, "测试市教育局", "部门", parent: "测试市人民政府", sequence: 2);

        await admin.GotoAsync("/admin/users/new");
        await admin.GetByLabel("用户名（必填）", new() { Exact = true }).FillAsync("jiaoyu.chengban");
        await admin.GetByLabel("姓名（必填）", new() { Exact = true }).FillAsync("钱多多");
        await admin.GetByLabel("角色（必填）").SelectOptionAsync(new SelectOptionValue { Label = "承办人" });
        await admin.GetByLabel("所属机关").SelectOptionAsync(new SelectOptionValue { Label = "测试市教育局" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();
        var oneTimePassword = (await admin.Locator(".secret").TextContentAsync())!.Trim();
        oneTimePassword.Length.ShouldBe(14);
        await admin.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(Server.BaseUrl + "/");

        var staff = await browser.NewPageAsync(Server.BaseUrl);
        await staff.GotoAsync("/account/login");
        await LogInAsync(staff, "jiaoyu.chengban", oneTimePassword);
        await Expect(staff).ToHaveURLAsync(new Regex("/account/change-password"));
        await ChangePasswordAsync(staff, oneTimePassword, "Qian-Duoduo-2026");
        await Expect(staff).ToHaveURLAsync(new Regex("/staff$"));
        (await staff.Locator("main").InnerTextAsync()).ShouldContain("测试市教育局");

        await staff.GotoAsync("/staff/agencies");
        var visible = await staff.Locator("main").InnerTextAsync();
        visible.ShouldContain("测试市教育局");
        visible.ShouldNotContain("测试市人民政府");
        (await staff.GotoAsync($"/staff/agencies/{departmentId}"))!.Status.ShouldBe(200);
        var other = await staff.GotoAsync($"/staff/agencies/{cityId}");
        other!.Status.ShouldBe(404);
        (await staff.Locator("h1").TextContentAsync()).ShouldBe("页面不存在");
        (await staff.GotoAsync("/admin/users"))!.Url.ShouldContain("/account/access-denied");
    }

    private static async Task LogInAsync(IPage page, string userName, string password)
    {
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
    }

    private static async Task ChangePasswordAsync(IPage page, string current, string next)
    {
        await page.GetByLabel("当前密码（必填）", new() { Exact = true }).FillAsync(current);
        await page.GetByLabel("新密码（必填）", new() { Exact = true }).FillAsync(next);
        await page.GetByLabel("再次输入新密码（必填）", new() { Exact = true }).FillAsync(next);
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();
    }

    private static async Task<int> CreateAgencyAsync(IPage page, string name, string level, string? parent, int sequence)
    {
        await page.GotoAsync("/admin/agencies/new");
        await page.GetByLabel("机关名称（必填）", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("行政层级（必填）").SelectOptionAsync(new SelectOptionValue { Label = level });
        if (parent is not null) await page.GetByLabel("上级机关").SelectOptionAsync(new SelectOptionValue { Label = parent });
        await page.GetByLabel("统一社会信用代码（必填）", new() { Exact = true })
            .FillAsync(CreditCode.Complete("11990200000" + sequence.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)));
        await page.GetByLabel("机构名称（必填）", new() { Exact = true }).FillAsync(name + "办公室");
        await page.GetByLabel("办公地址（必填）", new() { Exact = true }).FillAsync("测试市人民大道1号");
        await page.GetByLabel("联系电话（必填）", new() { Exact = true }).FillAsync("0999-87654321");
        await page.GetByLabel("指南正文").FillAsync("一、主动公开\n" + name + "主动公开政府信息。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/agencies/\d+\?saved=true$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存。");
        return int.Parse(Regex.Match(page.Url, @"/admin/agencies/(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
