using System.Text.RegularExpressions;
using Gongkai.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.E2E.Journeys;

/// <summary>
/// The journey in a real browser, across the 2026 Spring Festival: a citizen files online on
/// Friday 13 February; the office confirms receipt and asks for a correction that day; on Thursday
/// 26 February the citizen corrects through the tracking page, the office decides partial
/// disclosure, and the citizen downloads the reply. "Today" is fixed by Gongkai:Today, and the
/// server restarts between the two days on the same data, as it would overnight. The server runs on
/// a copy of the demo region (loaded once per run on the real day): the journey's own request is
/// the only one it reads.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(TestCategory.Name, TestCategory.Browser)]
public sealed class RequestJourneyTests(Browser browser) : IAsyncLifetime
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGO4AwAAtgC1KWnr2AAAAABJRU5ErkJggg==");
    private WebServer server = null!;

    public async Task InitializeAsync() =>
        server = await DemoTemplates.StartSqliteAsync(new Dictionary<string, string> { ["Gongkai__Today"] = "2026-02-13" });

    [Fact]
    public async Task Citizen_FilesCorrectsAndDownloadsTheReply_WithTheDatesOfTheCalendar()
    {
        // 13 February: the citizen files.
        var citizen = await browser.NewPageAsync(server.BaseUrl);
        await citizen.GotoAsync("/requests/new");
        await citizen.GetByLabel("向哪个机关申请").SelectOptionAsync(new SelectOptionValue { Label = "　示范市人民政府办公室" });
        await citizen.GetByLabel("姓名或单位名称").FillAsync("赵六");
        await citizen.GetByLabel("证件号码或统一社会信用代码").FillAsync("110101199003074514");
        await citizen.GetByLabel("联系电话").FillAsync("13712345678");
        await citizen.GetByLabel("所需信息的名称、文号或者便于查询的其他特征性描述").FillAsync("请公开示范市明德路改造的相关文件。");
        await citizen.GetByLabel("身份证明").SetInputFilesAsync(new FilePayload { Name = "身份证.png", MimeType = "image/png", Buffer = Png });
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Expect(citizen).ToHaveURLAsync(new Regex("/requests/submitted$"));
        var code = (await citizen.Locator("#tracking-code").TextContentAsync())!.Trim();

        // The office confirms receipt the same day and asks for a correction.
        var staff = await browser.NewPageAsync(server.BaseUrl);
        await staff.GotoAsync("/account/login?ReturnUrl=%2Fstaff%2Frequests%3Fview%3DAwaitingReceipt");
        await staff.GetByLabel("用户名").FillAsync("shi.chengban");
        await staff.GetByLabel("密码").FillAsync("Shifan-2026");
        await staff.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await staff.GetByRole(AriaRole.Row).Filter(new() { HasText = "赵六" }).GetByRole(AriaRole.Link).First.ClickAsync();
        var caseUrl = staff.Url;
        await staff.GetByRole(AriaRole.Link, new() { Name = "确认收到申请" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "确认收到申请" }).ClickAsync();
        var received = await MainText(staff);
        received.ShouldContain("已办理：确认收到申请（互联网），已生成登记回执");
        received.ShouldContain("收到申请之日\n2026-02-13（星期五）");
        received.ShouldContain("答复期限\n2026-03-19（星期四）");
        received.ShouldContain("补正告知期限\n2026-03-02（星期一）");
        await staff.GetByRole(AriaRole.Link, new() { Name = "告知补正" }).ClickAsync();
        await staff.GetByLabel("需要补正的事项").FillAsync("请写明所需文件的名称或文号。");
        (await staff.GetByLabel("补正期限").InputValueAsync()).ShouldBe("15", "the office's default period");
        await staff.GetByLabel("补正期限").FillAsync("10");
        await staff.GetByRole(AriaRole.Button, new() { Name = "告知补正" }).ClickAsync();
        (await MainText(staff)).ShouldContain("申请人补正期限\n尚未确定 待登记送达", Case.Sensitive, "the period runs from the applicant's receipt");
        // The applicant is told through the platform and confirms by phone the same day: the office records the delivery.
        await staff.GetByRole(AriaRole.Link, new() { Name = "登记送达" }).First.ClickAsync();
        (await MainText(staff)).ShouldContain("送达的文书：补正告知书（申请人）");
        await staff.GetByLabel("电子送达").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "登记送达" }).ClickAsync();
        (await MainText(staff)).ShouldContain("申请人补正期限\n2026-03-05（星期四）", Case.Sensitive, "ten working days from receipt, 春节 skipped, 调休 Saturdays counted");

        // 26 February, after the holiday.
        server = await server.RestartAsync(new Dictionary<string, string> { ["Gongkai__Today"] = "2026-02-26" });

        await citizen.GotoAsync("/track");
        await citizen.GetByLabel("查询码").FillAsync(code);
        await citizen.GetByLabel("验证信息").FillAsync("5678");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var tracked = await MainText(citizen);
        tracked.ShouldContain("待申请人补正");
        tracked.ShouldContain("请写明所需文件的名称或文号。");
        tracked.ShouldContain("2026-03-05（星期四）");
        await citizen.GetByLabel("补正内容").FillAsync("所需文件为《明德路改造工程立项批复》（示发改〔2025〕31号）。");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交补正" }).ClickAsync();
        var corrected = await MainText(citizen);
        corrected.ShouldContain("补正已提交");
        corrected.ShouldContain("答复期限\n2026-03-25（星期三）");

        await staff.GotoAsync(caseUrl);
        var restarted = await MainText(staff);
        restarted.ShouldContain("答复期限\n2026-03-25（星期三）");
        await staff.GetByText("这个日期是怎么计算的").First.ClickAsync();
        (await MainText(staff)).ShouldContain("2026-02-26（星期四）收到补正，答复期限自收到补正之日起重新计算（条例第三十条）");
        await staff.GetByRole(AriaRole.Link, new() { Name = "作出答复决定" }).ClickAsync();
        await staff.GetByLabel("办理结果").SelectOptionAsync(new SelectOptionValue { Label = "部分公开" });
        await staff.GetByLabel("理由和说明").FillAsync("批复附件中的个人信息已作区分处理，其余部分予以公开。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "作出答复决定" }).ClickAsync();
        (await MainText(staff)).ShouldContain("已办理：作出答复决定：部分公开，已生成答复书");

        await citizen.ReloadAsync();
        (await MainText(citizen)).ShouldContain("办理结果\n部分公开（2026-02-26（星期四））");
        var download = await citizen.RunAndWaitForDownloadAsync(() => citizen.GetByRole(AriaRole.Link, new() { Name = "下载 PDF" }).Last.ClickAsync());
        download.SuggestedFilename.ShouldStartWith("政府信息公开申请答复书");
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");

        // The applicant chose to get the information online: opening the reply is its delivery, and the request is closed.
        await citizen.ReloadAsync();
        var closed = await MainText(citizen);
        closed.ShouldContain("已办结");
        closed.ShouldContain("申请人在平台查阅（电子送达）");
    }

    private static Task<string> MainText(IPage page) => page.Locator("main").InnerTextAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();
}
