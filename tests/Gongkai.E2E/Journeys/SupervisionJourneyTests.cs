using System.IO.Compression;
using Gongkai.E2E.Support;
using Gongkai.Reports;
using Gongkai.Reports.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.E2E.Journeys;

/// <summary>
/// The demo supervisor (周建华, 示范市人民政府) uploads the five seed reports, as a ZIP and as
/// files, finds seed 000's contradictions with exactly their cells marked on table 三, confirms
/// one finding and dismisses another, and reads both decisions in the history. No JavaScript.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(TestCategory.Name, TestCategory.Browser)]
public sealed class SupervisionJourneyTests(Browser browser, DemoServerFixture fixture) : IClassFixture<DemoServerFixture>
{
    private static readonly string[] Seeds = ["000", "001", "002", "003", "004"];

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSQL")]
    public async Task Supervisor_UploadsSeeds_SeesSeed000OnTheRightCellsAndDecides(string database)
    {
        await using var demo = await DemoServerLease.ForAsync(database, fixture);
        var page = await browser.NewPageAsync(demo.Server.BaseUrl, javaScript: false);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("shi.jiandu");
        await page.GetByLabel("密码").FillAsync("Shifan-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "年报检查", Exact = true }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("示范市2022—2023年度政府信息公开工作年度报告检查");

        await CreateAsync(page, "种子报告检查（压缩包）");
        await page.Locator("#files").SetInputFilesAsync(new FilePayload { Name = "seeds.zip", MimeType = "application/zip", Buffer = SeedsZip() });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("本次收录报告 5 份。");
        await OpenSeed000Async(page);

        var expected = ReportFile.Read(TestFiles.Seed("000")).Findings;
        var findings = page.Locator("ol.findings > li.finding");
        (await findings.CountAsync()).ShouldBe(expected.Count);
        var balance = findings.Filter(new() { HasText = "requests.balance" }).First;
        var resultsSum = findings.Filter(new() { HasText = "requests.results-sum" }).First;

        await balance.GetByRole(AriaRole.Link, new() { Name = "在表中标出" }).ClickAsync();
        await Expect(page.Locator("li.finding.selected")).ToContainTextAsync("requests.balance");
        (await FlaggedAsync(page)).ShouldBe(expected.First(f => f.Rule == "requests.balance").Cells, ignoreOrder: true);
        await resultsSum.GetByRole(AriaRole.Link, new() { Name = "在表中标出" }).ClickAsync();
        await Expect(page.Locator("li.finding.selected")).ToContainTextAsync("requests.results-sum");
        var sumCells = expected.First(f => f.Rule == "requests.results-sum").Cells;
        sumCells.Count.ShouldBe(20, "the nineteen outcome rows of the 2019 template in the 自然人 column, and its 总计");
        (await FlaggedAsync(page)).ShouldBe(sumCells, ignoreOrder: true);

        await balance.GetByLabel("核实说明").FillAsync("已与该局核实：上年结转的3件未计入办理结果，需更正。");
        await balance.GetByRole(AriaRole.Button, new() { Name = "确认问题" }).ClickAsync();
        await resultsSum.GetByLabel("核实说明").FillAsync("该局说明差额为合并处理的申请，同意不作更正。");
        await resultsSum.GetByRole(AriaRole.Button, new() { Name = "排除问题" }).ClickAsync();

        await Expect(balance.Locator(".verdict")).ToHaveTextAsync("已确认");
        await Expect(balance.Locator("ul.history")).ToContainTextAsync("周建华（shi.jiandu） 已确认：已与该局核实：上年结转的3件未计入办理结果，需更正。");
        await Expect(resultsSum.Locator(".verdict")).ToHaveTextAsync("已排除");
        await Expect(resultsSum.Locator("ul.history")).ToContainTextAsync("周建华（shi.jiandu） 已排除：该局说明差额为合并处理的申请，同意不作更正。");

        await CreateAsync(page, "种子报告检查（逐个文件）");
        await page.Locator("#files").SetInputFilesAsync(Seeds.Select(n => TestFiles.Seed(n)));
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("本次收录报告 5 份。");
        await OpenSeed000Async(page);
        (await page.Locator("ol.findings > li.finding").CountAsync()).ShouldBe(expected.Count);
        await page.Locator("ol.findings > li.finding").Filter(new() { HasText = "requests.balance" }).First
            .GetByRole(AriaRole.Link, new() { Name = "在表中标出" }).ClickAsync();
        await Expect(page.Locator("li.finding.selected")).ToContainTextAsync("requests.balance");
        (await FlaggedAsync(page)).ShouldBe(expected.First(f => f.Rule == "requests.balance").Cells, ignoreOrder: true);
    }

    /// <summary>
    /// The demo workspace's status grid lays each year's cells under that year's heading: a cell
    /// styled as an inline block (a class shared with another feature's stylesheet) slides under the
    /// previous year and leaves the last year's column empty.
    /// </summary>
    [Fact]
    public async Task StatusGrid_DemoWorkspace_EachYearsCellsSitInTheirOwnColumn()
    {
        var page = await browser.NewPageAsync(fixture.Server.BaseUrl);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("shi.jiandu");
        await page.GetByLabel("密码").FillAsync("Shifan-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.GotoAsync("/staff/supervision");
        await page.GetByRole(AriaRole.Link, new() { Name = "示范市2022—2023年度政府信息公开工作年度报告检查", Exact = true }).ClickAsync();

        foreach (var width in new[] { 1366, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"supervision-status-grid-{width}.png"), FullPage = true });
            await EachYearInItsColumnAsync(page);
        }
    }

    private static async Task EachYearInItsColumnAsync(IPage page)
    {
        var headings = await page.Locator("table.status-grid thead th").AllAsync();
        (await Task.WhenAll(headings.Skip(1).Select(h => h.InnerTextAsync()))).ShouldBe(["2022年度", "2023年度"]);
        var columns = await Task.WhenAll(headings.Select(async h => (await h.BoundingBoxAsync())!));
        var rows = await page.Locator("table.status-grid tbody tr").AllAsync();
        rows.Count.ShouldBeGreaterThan(1);
        foreach (var row in rows)
        {
            var cells = await row.Locator(":scope > th, :scope > td").AllAsync();
            cells.Count.ShouldBe(columns.Length);
            for (var i = 1; i < cells.Count; i++)
            {
                var box = (await cells[i].BoundingBoxAsync())!;
                var unit = await cells[0].InnerTextAsync();
                box.X.ShouldBe(columns[i].X, 1.0, $"{unit}: the cell of {await headings[i].InnerTextAsync()} starts where its heading starts");
                box.Width.ShouldBe(columns[i].Width, 1.0, $"{unit}: the cell of {await headings[i].InnerTextAsync()} is as wide as its column");
                (await cells[i].InnerTextAsync()).Trim().ShouldNotBeEmpty();
            }
        }
    }

    private static async Task CreateAsync(IPage page, string name)
    {
        await page.GotoAsync("/staff/supervision");
        await page.GetByLabel("检查名称（必填）").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "新建检查" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
    }

    /// <summary>Seed 000 is 深圳市住房和建设局's 2020 report, which matches no demo agency: its row is among the unmatched.</summary>
    private static async Task OpenSeed000Async(IPage page)
    {
        var row = page.Locator("table.status-grid tr").Filter(new() { Has = page.Locator("th", new() { HasTextString = "深圳市住房和建设局" }) });
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("深圳市住房和建设局2020年政府信息公开年度工作报告");
    }

    /// <summary>The cells marked on the page, all of which must be in table 三.</summary>
    private static async Task<IReadOnlyList<string>> FlaggedAsync(IPage page)
    {
        var everywhere = page.Locator("td.flagged");
        var inRequests = page.Locator("table[data-table=requests] td.flagged");
        (await everywhere.CountAsync()).ShouldBe(await inRequests.CountAsync(), "no cell outside table 三 is marked");
        return [.. await Task.WhenAll((await inRequests.AllAsync()).Select(async cell => (await cell.GetAttributeAsync("data-cell"))!))];
    }

    private static byte[] SeedsZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var n in Seeds)
                zip.CreateEntryFromFile(TestFiles.Seed(n), $"2020年报/{n}.txt");
        }
        return stream.ToArray();
    }
}
