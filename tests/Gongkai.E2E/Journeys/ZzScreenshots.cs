using Gongkai.E2E.Support;
using Microsoft.Playwright;

namespace Gongkai.E2E.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class ZzScreenshots(Browser browser)
{
    [Fact]
    public async Task Shots()
    {
        var baseUrl = Environment.GetEnvironmentVariable("SHOT_URL")!;
        foreach (var (user, pages) in new (string, string[])[]
        {
            ("shi.zhengfu", ["/staff/reports", "/staff/reports/summary"]),
            ("ziran.fuze", ["/staff", "/staff/reviews"]),
        })
        {
            var page = await browser.NewPageAsync(baseUrl);
            await page.GotoAsync("/account/login");
            await page.GetByLabel("用户名").FillAsync(user);
            await page.GetByLabel("密码").FillAsync("Shifan-2026");
            await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
            var extra = new List<string>(pages);
            if (user == "shi.zhengfu")
            {
                extra.Add("/staff/reports/6");
                extra.Add("/staff/reports/6/cell/requests.newReceived.total");
            }
            if (user == "ziran.fuze")
            {
                extra.Add("/staff/reviews/106");
                extra.Add("/staff/reviews/new");
                extra.Add("/staff/reports/4");
            }
            foreach (var url in extra)
            {
                foreach (var width in new[] { 1366, 390 })
                {
                    await page.SetViewportSizeAsync(width, 900);
                    await page.GotoAsync(url);
                    var name = url.Trim('/').Replace('/', '_').Replace('.', '-');
                    await page.ScreenshotAsync(new() { Path = $"/tmp/i14-shots/{user}_{name}_{width}.png", FullPage = true });
                }
            }
        }
    }
}
