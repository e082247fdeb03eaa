using System.Globalization;
using Gongkai.E2E.Support;
using Gongkai.Reports;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.E2E.Journeys;

/// <summary>
/// The police bureau's handler (马超, 示范市公安局) generates last year's report from the demo's
/// requests, reviews the findings, follows a figure to the requests it counts, enters a figure of
/// table 二 and publishes; a visitor then finds the report on /reports and downloads it as Word
/// and PDF, both of which read back as the bureau's report for that year. No JavaScript.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(TestCategory.Name, TestCategory.Browser)]
public sealed class AnnualReportJourneyTests(Browser browser, DemoServerFixture fixture) : IClassFixture<DemoServerFixture>
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSQL")]
    public async Task Handler_GeneratesReviewsAndPublishes_VisitorDownloadsWordAndPdf(string database)
    {
        await using var demo = await DemoServerLease.ForAsync(database, fixture);
        var year = DateTime.UtcNow.Year - 1;
        var title = string.Create(CultureInfo.InvariantCulture, $"示范市公安局{year}年政府信息公开工作年度报告");
        var staff = await browser.NewPageAsync(demo.Server.BaseUrl, javaScript: false);
        await staff.GotoAsync("/account/login");
        await staff.GetByLabel("用户名").FillAsync("gongan.chengban");
        await staff.GetByLabel("密码").FillAsync("Shifan-2026");
        await staff.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "年度报告", Exact = true }).ClickAsync();
        await staff.GetByLabel("年度", new() { Exact = true }).SelectOptionAsync(year.ToString(CultureInfo.InvariantCulture));
        await staff.GetByRole(AriaRole.Button, new() { Name = "按系统数据生成" }).ClickAsync();

        await Expect(staff.Locator("h1")).ToHaveTextAsync(title);
        await Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync($"已按系统数据生成{year}年度报告草稿。");
        await Expect(staff.Locator("#findings-summary")).Not.ToContainTextAsync("错误 1");
        (await staff.Locator("#findings-summary").InnerTextAsync()).ShouldMatch("^(未发现问题。|错误 0 个.*)$");
        var received = await staff.Locator("td[data-cell='requests.newReceived.total'] a").InnerTextAsync();
        await staff.Locator("td[data-cell='requests.newReceived.total'] a").ClickAsync();
        await Expect(staff.Locator("#cell-count")).ToHaveTextAsync(received);
        (await staff.Locator("#drill-down tbody tr").CountAsync()).ShouldBe(int.Parse(received, CultureInfo.InvariantCulture));
        await staff.GoBackAsync();

        await staff.GetByLabel("行政许可：本年处理决定数量").FillAsync("15");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存填报数据" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存表二填报数据。");
        await Expect(staff.Locator("td[data-cell='proactive.licensing.decisions']")).ToContainTextAsync("马超（gongan.chengban）填报");
        await staff.GetByRole(AriaRole.Button, new() { Name = "发布报告" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync("报告已发布到门户网站“年度报告”栏目，数据已锁定。");
        await Expect(staff.Locator("#report-status")).ToContainTextAsync("已发布");

        var visitor = await browser.NewPageAsync(demo.Server.BaseUrl, javaScript: false);
        await visitor.GotoAsync("/reports");
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(visitor.Locator("h1")).ToHaveTextAsync(title);
        var word = await visitor.RunAndWaitForDownloadAsync(() => visitor.GetByRole(AriaRole.Link, new() { Name = "Word（DOCX）" }).ClickAsync());
        var pdf = await visitor.RunAndWaitForDownloadAsync(() => visitor.GetByRole(AriaRole.Link, new() { Name = "PDF" }).ClickAsync());

        word.SuggestedFilename.ShouldBe(title + ".docx");
        pdf.SuggestedFilename.ShouldBe(title + ".pdf");
        foreach (var (download, format) in new[] { (word, ReportFormat.Docx), (pdf, ReportFormat.Pdf) })
        {
            var read = ReportFile.Read(await File.ReadAllBytesAsync((await download.PathAsync())!));
            read.Format.ShouldBe(format);
            (read.Report.Agency, read.Report.Year).ShouldBe(("示范市公安局", year), format.ToString());
            read.Report.Proactive.Value("licensing", 0).ShouldBe(15m, format.ToString());
            read.Report.Requests.Value("newReceived", 6).ShouldBe(decimal.Parse(received, CultureInfo.InvariantCulture), format.ToString());
        }
    }
}
