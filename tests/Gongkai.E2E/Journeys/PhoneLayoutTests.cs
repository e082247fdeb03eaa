using Gongkai.E2E.Support;
using Gongkai.Tests;
using Microsoft.Playwright;

namespace Gongkai.E2E.Journeys;

/// <summary>
/// The public pages on a phone (390 px wide, the demo region's real lists): nothing wider than the
/// screen, so nobody scrolls sideways; the catalogue's and the reports' tables become one block per
/// row with each cell under its column's name. Screenshots go under the test output.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(TestCategory.Name, TestCategory.Browser)]
public sealed class PhoneLayoutTests(Browser browser, DemoServerFixture fixture) : IClassFixture<DemoServerFixture>
{
    private const int PhoneWidth = 390;

    public static TheoryData<string> PublicPages => new()
    {
        "/", "/guide", "/catalog", "/catalog?agency=6", "/search?q=%E5%85%AC%E5%BC%80", "/reports", "/requests/new", "/track", "/open-data", "/verify",
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicPage_OnAPhone_NeedsNoSidewaysScrolling(string path)
    {
        var page = await browser.NewPageAsync(fixture.Server.BaseUrl);
        await page.SetViewportSizeAsync(PhoneWidth, 844);
        (await page.GotoAsync(path))!.Ok.ShouldBeTrue(path);

        var name = path.Trim('/').Split('?')[0].Replace('/', '-') is { Length: > 0 } n ? n : "home";
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"phone-{name}-{Math.Abs(path.GetHashCode(StringComparison.Ordinal))}.png"), FullPage = true });
        var wider = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > window.innerWidth + 1 && !e.closest('.table-scroll'); })
                .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right))
            """);
        wider.ShouldBeEmpty($"{path}: elements reach past the {PhoneWidth} px screen");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(PhoneWidth, path);
    }

    [Fact]
    public async Task Catalogue_OnAPhone_ShowsEachDocumentAsABlockWithItsFieldsNamed()
    {
        var page = await browser.NewPageAsync(fixture.Server.BaseUrl);
        await page.SetViewportSizeAsync(PhoneWidth, 844);
        await page.GotoAsync("/catalog");

        var row = page.Locator("table.catalogue tbody tr").First;
        var title = row.Locator("td").First;
        var number = row.Locator("td[data-label='索引号']");
        ((double)(await title.BoundingBoxAsync())!.Width).ShouldBeGreaterThan(PhoneWidth * 0.8, "the title takes the row's width, not a fifth of it");
        (await number.BoundingBoxAsync())!.Y.ShouldBeGreaterThan((await title.BoundingBoxAsync())!.Y, "the 索引号 sits under the title");
        (await number.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content")).ShouldBe("\"索引号：\"");
    }
}
