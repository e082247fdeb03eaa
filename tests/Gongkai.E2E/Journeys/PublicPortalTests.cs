using Gongkai.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.E2E.Journeys;

/// <summary>The public side for people who use the keyboard, large text, or no JavaScript at all.</summary>
[Collection(BrowserCollection.Name)]
[Trait(TestCategory.Name, TestCategory.Browser)]
public sealed class PublicPortalTests(Browser browser, ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Home_FirstTab_ReachesSkipLinkThatJumpsToContent()
    {
        var page = await browser.NewPageAsync(fixture.Server.BaseUrl);
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.textContent")).ShouldBe("跳到主要内容");
        await page.Keyboard.PressAsync("Enter");

        // The jump is a navigation within the page: wait for it, not for a fixed time.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/#main$"));
        await page.WaitForFunctionAsync("document.activeElement && document.activeElement.id === 'main'");
        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("main");
    }

    [Fact]
    public async Task LargeText_Toggled_StaysOnAcrossPages()
    {
        var page = await browser.NewPageAsync(fixture.Server.BaseUrl);
        await page.GotoAsync("/guide");
        var normal = await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).fontSize");

        await page.GetByRole(AriaRole.Button, new() { Name = "大字版（适老化）" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/guide$"));
        await page.GotoAsync("/catalog");

        (await page.Locator("html").GetAttributeAsync("class")).ShouldBe("text-large");
        var large = await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).fontSize");
        double.Parse(large[..^2], System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(double.Parse(normal[..^2], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task WithoutJavaScript_SearchAndTrackingWork()
    {
        var page = await browser.NewPageAsync(fixture.Server.BaseUrl, javaScript: false);
        await page.GotoAsync("/");

        await page.GetByLabel("搜索政府信息").FillAsync("公开");
        await page.GetByLabel("搜索政府信息").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/search\?q="));
        (await page.Locator("h1").TextContentAsync()).ShouldBe("搜索");

        await page.GotoAsync("/track");
        await page.GetByLabel("查询码").FillAsync("not-a-code");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("查询码格式不正确");
    }

    [Fact]
    public async Task Phone_NarrowScreen_NoHorizontalScrolling()
    {
        var page = await browser.NewPageAsync(fixture.Server.BaseUrl);
        await page.SetViewportSizeAsync(360, 740);

        foreach (var path in new[] { "/", "/guide", "/requests/new", "/account/login" })
        {
            await page.GotoAsync(path);
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360, path);
        }
    }
}
