using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Accounts;
using Gongkai.Core.Requests;
using Gongkai.Domain.Requests;
using Gongkai.Reports;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.AnnualReports;

/// <summary>The annual report pages over HTTP: generate, drill down, enter figures, publish, and the portal's downloads.</summary>
public sealed partial class AnnualReportPagesTests(RequestsFactory factory) : IClassFixture<RequestsFactory>
{
    [GeneratedRegex("/staff/reports/(\\d+)$")]
    private static partial Regex ReportUrl();

    [GeneratedRegex("id=\"cell-figure\">([^<]+)</strong>.*?id=\"cell-count\">([^<]+)</strong>", RegexOptions.Singleline)]
    private static partial Regex CellSummary();

    [Fact]
    public async Task Generate_DrillDown_Publish_ThenThePortalServesTheReport()
    {
        var (office, handler, head) = await factory.OfficeAsync("nb");
        var granted = await factory.RegisterAsync(office, handler, "2025-10-09");
        await factory.RegisterAsync(office, handler, "2025-12-24");
        await factory.StepAsync(granted, handler, Roles.Handler, new StepInput { Step = RequestStep.Decide, Date = RequestsFactory.D("2025-10-20"), Outcome = Outcome.Granted, Reason = "" });
        var client = factory.Browser();
        await client.LogInAsync(handler.UserName!);

        (await client.GetStringAsync("/staff")).ShouldContain("href=\"/staff/reports\"");
        var generated = await client.PostFormAsync("/staff/reports", [KeyValuePair.Create("year", "2025")], "/staff/reports?handler=Generate");
        generated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = generated.Headers.Location!.OriginalString;
        var id = ReportUrl().Match(url).Groups[1].Value;
        var page = await client.GetStringAsync(url);
        page.ShouldContain("nb市人民政府办公室2025年政府信息公开工作年度报告");
        page.ShouldContain($"href=\"/staff/reports/{id}/cell/requests.newReceived.total\"");
        page.ShouldContain("2026年1月31日前");

        foreach (var (cell, expected) in new[] { ("requests.newReceived.total", "2"), ("requests.results.granted.naturalPerson", "1"), ("requests.carriedForward.total", "1") })
        {
            var list = await client.GetStringAsync($"/staff/reports/{id}/cell/{cell}");
            var m = CellSummary().Match(list);
            (m.Groups[1].Value, m.Groups[2].Value).ShouldBe((expected, expected), cell);
        }

        var entered = await client.PostFormAsync(url, [KeyValuePair.Create("version", "1"), KeyValuePair.Create("figures[proactive.licensing.decisions]", "42")],
            url + "?handler=Figures");
        entered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync(url)).ShouldContain("填报（");
        var published = await client.PostFormAsync(url, [KeyValuePair.Create("version", "2")], url + "?handler=Publish");
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync(url)).ShouldContain("已发布（发文日期 2026年3月20日，逾期公开）");
        (await client.GetStringAsync($"/staff/requests/{granted.Id}")).ShouldContain($"本申请计入已于 2026-03-20 发布的<a href=\"/staff/reports/{id}\">2025年度报告</a>");

        var anonymous = factory.Browser();
        (await anonymous.GetStringAsync("/reports")).ShouldContain($"/reports/{id}\">nb市人民政府办公室2025年政府信息公开工作年度报告");
        (await anonymous.GetStringAsync($"/reports/{id}")).ShouldContain("<caption>三、收到和处理政府信息公开申请情况</caption>");
        var docx = await anonymous.GetByteArrayAsync($"/reports/{id}/download/docx");
        var read = ReportFile.Read(docx);
        (read.Format, read.Report.Agency, read.Report.Year).ShouldBe((ReportFormat.Docx, "nb市人民政府办公室", 2025));
        read.Report.Proactive.Value("licensing", 0).ShouldBe(42m);
        var json = await anonymous.GetStringAsync($"/reports/{id}/download/json");
        json.ShouldContain("\"newReceived\": [2, 0, 0, 0, 0, 0, 2]");
        var csv = await anonymous.GetByteArrayAsync($"/reports/{id}/download/csv");
        csv[..6].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'t', (byte)'a', (byte)'b' }, "one byte-order mark, then the header");
        ReportFile.Read(csv).Report.Proactive.Value("licensing", 0).ShouldBe(42m);
        (await anonymous.GetAsync($"/reports/{id}/download/exe")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "staff pages need a sign-in");
    }

    /// <summary>Issue 14 row 1: a government's report page shows the units it covers, and its office head sets them.</summary>
    [Fact]
    public async Task GovernmentReport_ShowsItsUnitsAndTheOfficeHeadSetsThem()
    {
        var (office, handler, _) = await factory.OfficeAsync("zf");
        await factory.RegisterAsync(office, handler, "2025-10-09");
        var city = office.ParentId!.Value;
        var head = await factory.UserAsync("zf.gov", Roles.OfficeHead, city, "13900000003");
        var client = factory.Browser();
        await client.LogInAsync(head.UserName!);

        var generated = await client.PostFormAsync("/staff/reports", [KeyValuePair.Create("year", "2025")], "/staff/reports?handler=Generate");
        var url = generated.Headers.Location!.OriginalString;
        var page = await client.GetStringAsync(url);
        var cell = await client.GetStringAsync(url + "/cell/requests.newReceived.total");
        var narrowed = await client.PostFormAsync(url, [], url + "?handler=Scope");
        var after = await client.GetStringAsync(narrowed.Headers.Location!.OriginalString);

        page.ShouldContain("本报告含本级和以下1个单位：zf市人民政府办公室。");
        cell.ShouldContain("id=\"cell-figure\">1</strong>，为本级和所含各单位之和");
        cell.ShouldContain("<th scope=\"row\">zf市人民政府（本级）</th>");
        narrowed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.ShouldContain("本报告只含本级数据。");
        after.ShouldContain("已保存统计范围，并按新的范围重新生成了报告。");
    }

    [Fact]
    public async Task StaffReport_OfAnotherAgency_NotFound()
    {
        var (office, handler, _) = await factory.OfficeAsync("jb");
        var (_, other, _) = await factory.OfficeAsync("yb");
        var client = factory.Browser();
        await client.LogInAsync(handler.UserName!);
        var generated = await client.PostFormAsync("/staff/reports", [KeyValuePair.Create("year", "2025")], "/staff/reports?handler=Generate");
        var url = generated.Headers.Location!.OriginalString;
        var stranger = factory.Browser();
        await stranger.LogInAsync(other.UserName!);

        (await stranger.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync(url + "/cell/requests.newReceived.total")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/reports/{ReportUrl().Match(url).Groups[1].Value}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a draft is not public");
        (await stranger.GetStringAsync("/staff/reports")).ShouldNotContain("jb市");
    }

    [Fact]
    public async Task Import_LastYearsReport_IsStoredAndUsedByNextYearsCrossYearChecks()
    {
        var (_, handler, _) = await factory.OfficeAsync("im");
        var client = factory.Browser();
        await client.LogInAsync(handler.UserName!);
        var token = await client.TokenAsync("/staff/reports");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("2020"), "year" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(Gongkai.Reports.Tests.TestFiles.Seed("000"))), "file", "2020年报.txt" },
        };

        var imported = await client.PostAsync("/staff/reports?handler=Import", form);
        var generated = await client.PostFormAsync("/staff/reports", [KeyValuePair.Create("year", "2021")], "/staff/reports?handler=Generate");

        imported.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync(imported.Headers.Location!.OriginalString)).ShouldContain("已导入（待公开办负责人发布）");
        var page = await client.GetStringAsync(generated.Headers.Location!.OriginalString);
        page.ShouldContain("2020年（已导入（待公开办负责人发布）），用于跨年度核对");
        page.ShouldNotContain("（year.carry）", Case.Sensitive, "the seed carried nothing forward, nor do the records");
        (await client.GetAsync("/staff/reports/summary?year=2021")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
