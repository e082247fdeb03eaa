using System.Text.RegularExpressions;
using Gongkai.E2E.Support;
using Gongkai.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.E2E.Journeys;

/// <summary>
/// Proactive disclosure from end to end on each database, with the demo region's staff: a handler
/// drafts a notice with a wrong word, the 错敏词 check marks it, the handler corrects it and submits
/// it; the 保密审查员 approves it; the handler publishes it; a member of the public, without
/// JavaScript, finds it by searching the portal and opens it.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(TestCategory.Name, TestCategory.Browser)]
public sealed class CatalogueJourneyTests(Browser browser)
{
    private const string DemoPassword = "Shifan-2026";

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSQL")]
    public async Task Handler_DraftsChecksAndPublishes_PublicFindsItBySearch(string database)
    {
        await using var demo = await DemoServerLease.ForAsync(database);
        var server = demo.Server;

        var handler = await browser.NewPageAsync(server.BaseUrl);
        await LogInAsync(handler, "shi.chengban");
        await handler.GotoAsync("/staff/documents");
        await handler.GetByRole(AriaRole.Link, new() { Name = "起草政府信息" }).ClickAsync();
        await handler.GetByLabel("标题（必填）", new() { Exact = true }).FillAsync("示范市人民政府办公室关于公布城市书房开放时间的通知");
        await handler.GetByLabel("主题分类（必填）").SelectOptionAsync(new SelectOptionValue { Label = "文化、广电、新闻出版" });
        await handler.GetByLabel("正文", new() { Exact = true }).FillAsync("截止目前，全市已建成城市书房32家。\n各城市书房每日9:00至21:00免费开放。");
        await handler.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Expect(handler).ToHaveURLAsync(new Regex(@"/staff/documents/\d+$"));
        var documentPage = new Uri(handler.Url).AbsolutePath;

        var marked = handler.Locator(".word-check table mark");
        await Expect(marked).ToHaveTextAsync("截止目前");
        (await marked.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor")).ShouldNotBe("rgba(0, 0, 0, 0)", "the match is highlighted");
        await Expect(handler.Locator(".word-check")).ToContainTextAsync("改为“截至目前”");

        await handler.GetByRole(AriaRole.Link, new() { Name = "修改", Exact = true }).ClickAsync();
        await handler.GetByLabel("正文", new() { Exact = true }).FillAsync("截至目前，全市已建成城市书房32家。\n各城市书房每日9:00至21:00免费开放。");
        await handler.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(handler.Locator(".word-check")).ToContainTextAsync("未发现错敏词");
        await handler.GetByRole(AriaRole.Button, new() { Name = "提交保密审查" }).ClickAsync();
        await Expect(handler.GetByRole(AriaRole.Status)).ToHaveTextAsync("已提交保密审查。");
        await Expect(handler.GetByRole(AriaRole.Button, new() { Name = "发布" })).ToHaveCountAsync(0);

        var reviewer = await browser.NewPageAsync(server.BaseUrl);
        await LogInAsync(reviewer, "shi.baomi");
        await reviewer.GotoAsync(documentPage);
        await reviewer.GetByLabel("保密审查意见").FillAsync("不涉及国家秘密和工作秘密，同意公开。");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "审查通过" }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("保密审查通过，可以发布。");

        await handler.ReloadAsync();
        await handler.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Expect(handler.GetByRole(AriaRole.Status)).ToHaveTextAsync("已发布。");
        var indexNumber = Regex.Match(await handler.Locator(".doc-status").InnerTextAsync(), @"索引号 (\S+)").Groups[1].Value;
        indexNumber.ShouldMatch(@"^\d{8}[0-9X]/\d{4}-\d{5}$");

        var visitor = await browser.NewPageAsync(server.BaseUrl, javaScript: false);
        await visitor.GotoAsync("/");
        await visitor.GetByLabel("搜索政府信息").FillAsync("城市书房");
        await visitor.GetByLabel("搜索政府信息").PressAsync("Enter");
        var hit = visitor.Locator("ol.hits h3 a").First;
        await Expect(hit).ToHaveTextAsync("示范市人民政府办公室关于公布城市书房开放时间的通知");
        await Expect(hit.Locator("mark")).ToHaveTextAsync("城市书房");
        await hit.ClickAsync();
        await Expect(visitor.Locator("h1")).ToHaveTextAsync("示范市人民政府办公室关于公布城市书房开放时间的通知");
        await Expect(visitor.Locator("table.metadata")).ToContainTextAsync(indexNumber);
        await Expect(visitor.Locator(".document-body")).ToContainTextAsync("每日9:00至21:00免费开放");
    }

    private static async Task LogInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/staff$"));
    }
}
