using System.Diagnostics;
using System.Text.RegularExpressions;
using Gongkai.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.E2E.Journeys;

/// <summary>
/// The office's sign-off chain in the demo region's 自然资源和规划局 (承办 → 法制审核 → 签发): a citizen
/// files online; the handler confirms receipt and drafts a refusal; the legal reviewer returns it
/// once; the handler revises and resubmits; the legal reviewer approves; the office head signs it
/// off and the letter gets the next number of the series; the citizen downloads the sealed PDF from
/// the tracking page and /verify confirms it, while a changed copy fails. The office exports the 案卷.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(TestCategory.Name, TestCategory.Browser)]
public sealed partial class SignOffJourneyTests(Browser browser) : IAsyncLifetime
{
    private const string DemoPassword = "Shifan-2026";
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGO4AwAAtgC1KWnr2AAAAABJRU5ErkJggg==");
    private WebServer server = null!;

    public async Task InitializeAsync() => server = await DemoTemplates.StartSqliteAsync();

    [Fact]
    public async Task Refusal_ReturnedOnceByTheLegalReviewer_SignedOffNumberedSealedAndVerified()
    {
        var citizen = await browser.NewPageAsync(server.BaseUrl);
        await citizen.GotoAsync("/requests/new");
        await citizen.GetByLabel("向哪个机关申请").SelectOptionAsync(new SelectOptionValue { Label = "　示范市自然资源和规划局" });
        await citizen.GetByLabel("姓名或单位名称").FillAsync("钱七");
        await citizen.GetByLabel("证件号码或统一社会信用代码").FillAsync("110101199003074514");
        await citizen.GetByLabel("联系电话").FillAsync("13787654321");
        await citizen.GetByLabel("所需信息的名称、文号或者便于查询的其他特征性描述").FillAsync("请公开明德路地块规划调整专题会议的会议纪要。");
        await citizen.GetByLabel("身份证明").SetInputFilesAsync(new FilePayload { Name = "身份证.png", MimeType = "image/png", Buffer = Png });
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        var code = (await citizen.Locator("#tracking-code").TextContentAsync())!.Trim();

        // The handler confirms receipt (the 登记回执 goes out at once) and drafts the refusal.
        var handler = await LogInAsync("ziran.chengban", "/staff/requests?view=AwaitingReceipt");
        await handler.GetByRole(AriaRole.Row).Filter(new() { HasText = "钱七" }).GetByRole(AriaRole.Link).First.ClickAsync();
        var casePath = new Uri(handler.Url).AbsolutePath;
        await handler.GetByRole(AriaRole.Link, new() { Name = "确认收到申请" }).ClickAsync();
        await handler.GetByRole(AriaRole.Button, new() { Name = "确认收到申请" }).ClickAsync();
        (await MainText(handler)).ShouldContain("已办理：确认收到申请（互联网），已生成登记回执");
        await handler.GetByRole(AriaRole.Link, new() { Name = "作出答复决定" }).ClickAsync();
        await handler.GetByLabel("办理结果").SelectOptionAsync(new SelectOptionValue { Label = "不予公开（属于四类过程性信息）" });
        await handler.GetByLabel("理由和说明").FillAsync("所申请的会议纪要属于规划调整过程中的讨论记录。");
        await handler.GetByRole(AriaRole.Button, new() { Name = "起草文书并送审核" }).ClickAsync();
        await Expect(handler).ToHaveURLAsync(new Regex(@"/staff/letters/\d+\?done=drafted$"));
        var draftPath = new Uri(handler.Url).AbsolutePath;
        (await MainText(handler)).ShouldContain("已生成文书草稿");
        await handler.GetByRole(AriaRole.Button, new() { Name = "提交法制审核" }).ClickAsync();
        await Expect(handler.GetByRole(AriaRole.Status)).ToHaveTextAsync("已提交。");

        // The legal reviewer finds it waiting and returns it once.
        var legal = await LogInAsync("ziran.fazhi", "/staff/letters");
        await legal.Locator($"a.button[href='{draftPath}']").ClickAsync();
        await legal.GetByLabel("意见").FillAsync("请写明会议名称和召开日期，便于申请人理解不予公开的范围。");
        await legal.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Expect(legal.GetByRole(AriaRole.Status)).ToHaveTextAsync("已退回承办人修改。");

        // The handler sees the comment, revises and resubmits.
        await handler.GotoAsync("/staff/letters");
        (await MainText(handler)).ShouldContain("退回意见：请写明会议名称和召开日期");
        await handler.GotoAsync(draftPath);
        var body = handler.GetByLabel("正文（每段一行；标题、文号、称谓、落款和日期由系统排版）");
        var text = await body.InputValueAsync();
        await body.FillAsync(text.Replace("所申请的会议纪要属于规划调整过程中的讨论记录。", "所申请的2026年11月5日明德路地块规划调整专题会议纪要属于讨论记录。", StringComparison.Ordinal));
        await handler.GetByRole(AriaRole.Button, new() { Name = "提交法制审核" }).ClickAsync();
        await Expect(handler.GetByRole(AriaRole.Status)).ToHaveTextAsync("已提交。");

        await legal.GotoAsync(draftPath);
        await legal.GetByLabel("意见").FillAsync("同意。");
        await legal.GetByRole(AriaRole.Button, new() { Name = "法制审核通过" }).ClickAsync();
        await Expect(legal.GetByRole(AriaRole.Status)).ToHaveTextAsync("已审核通过，送下一环节。");

        // The office head signs it off: the step is taken and the letter gets the next number.
        var head = await LogInAsync("ziran.fuze", "/staff/letters");
        await head.Locator($"a.button[href='{draftPath}']").ClickAsync();
        var next = (await head.Locator("dd strong").First.TextContentAsync())!.Trim();
        next.ShouldMatch(@"^示自然资依复〔\d{4}〕\d+号$");
        await head.GetByRole(AriaRole.Button, new() { Name = $"签发（{next}）" }).ClickAsync();
        await Expect(head.GetByRole(AriaRole.Status)).ToContainTextAsync("已签发");
        (await MainText(head)).ShouldContain(next);
        await head.GotoAsync(casePath);
        var signedCase = await MainText(head);
        signedCase.ShouldContain("作出答复决定：不予公开（属于四类过程性信息）");
        signedCase.ShouldContain(next);
        var caseFile = await head.RunAndWaitForDownloadAsync(() => head.GetByRole(AriaRole.Link, new() { Name = "导出案卷（PDF）" }).ClickAsync());
        var caseText = PdfText(await File.ReadAllBytesAsync((await caseFile.PathAsync())!));
        caseText.IndexOf("政府信息公开申请登记回执", StringComparison.Ordinal).ShouldBeLessThan(caseText.LastIndexOf(next, StringComparison.Ordinal));
        caseText.ShouldContain("法制审核退回");

        // The citizen downloads the sealed original from the tracking page.
        await citizen.GotoAsync("/track");
        await citizen.GetByLabel("查询码").FillAsync(code);
        await citizen.GetByLabel("验证信息").FillAsync("4321");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        (await MainText(citizen)).ShouldContain("文号 " + next);
        await Expect(citizen.GetByRole(AriaRole.Link, new() { Name = "下载 Word" })).ToHaveCountAsync(0);
        var download = await citizen.RunAndWaitForDownloadAsync(() => citizen.GetByRole(AriaRole.Link, new() { Name = "下载 PDF" }).Last.ClickAsync());
        var original = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var printed = PdfText(original);
        printed.ShouldContain("所申请的2026年11月5日明德路地块规划调整专题会议纪要属于讨论记录。");
        printed.ShouldContain(next);
        var verification = VerificationCode().Match(printed).Groups[1].Value;
        verification.Length.ShouldBe(14);

        // /verify: genuine and unchanged; a changed copy fails.
        await citizen.GotoAsync("/verify");
        await citizen.GetByLabel("文号").FillAsync(next);
        await citizen.GetByLabel("验证码").FillAsync(verification);
        await citizen.GetByLabel("PDF 文件（可选）").SetInputFilesAsync(new FilePayload { Name = "答复书.pdf", MimeType = "application/pdf", Buffer = original });
        await citizen.GetByRole(AriaRole.Button, new() { Name = "核验" }).ClickAsync();
        var verified = await MainText(citizen);
        verified.ShouldContain($"文号 {next} 的文书由 示范市自然资源和规划局 出具。");
        verified.ShouldContain("送达对象\n钱*");
        verified.ShouldContain("上传的 PDF 文件与签发的原件完全一致，未被修改。");

        var changed = original.ToArray();
        changed[changed.Length / 2] ^= 0x01;
        await citizen.GetByLabel("文号").FillAsync(next);
        await citizen.GetByLabel("验证码").FillAsync(verification);
        await citizen.GetByLabel("PDF 文件（可选）").SetInputFilesAsync(new FilePayload { Name = "答复书.pdf", MimeType = "application/pdf", Buffer = changed });
        await citizen.GetByRole(AriaRole.Button, new() { Name = "核验" }).ClickAsync();
        (await MainText(citizen)).ShouldContain("上传的 PDF 文件与签发的原件不一致");
    }

    [GeneratedRegex("验证码：([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})")]
    private static partial Regex VerificationCode();

    private async Task<IPage> LogInAsync(string userName, string returnUrl)
    {
        var page = await browser.NewPageAsync(server.BaseUrl);
        await page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        return page;
    }

    /// <summary>The PDF's text as pdftotext reads it, lines joined (a sentence may wrap anywhere).</summary>
    private static string PdfText(byte[] pdf)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, pdf);
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text.Replace("\n", "", StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Task<string> MainText(IPage page) => page.Locator("main").InnerTextAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();
}
