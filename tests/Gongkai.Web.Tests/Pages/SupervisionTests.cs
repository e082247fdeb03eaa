using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Pages;

/// <summary>The supervision workspace over HTTP: who may see it, uploads, decisions, exports.</summary>
public sealed partial class SupervisionTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [GeneratedRegex("/staff/supervision/(\\d+)/reports/(\\d+)\"")]
    private static partial Regex ReportLink();

    /// <summary>A city with a supervisor who has created a workspace; its id.</summary>
    private async Task<(HttpClient Client, int Workspace)> WorkspaceAsync(string prefix)
    {
        var user = "sv" + ((int)prefix[0]).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var city = await factory.AgencyAsync(prefix + "市人民政府", AgencyLevel.City);
        await factory.AgencyAsync(prefix + "市住房和建设局", AgencyLevel.Department, city.Id);
        await factory.UserAsync(user, Roles.Supervisor, city.Id);
        var client = factory.Browser();
        await client.LogInAsync(user);
        var created = await client.PostFormAsync("/staff/supervision", ("Name", prefix + "年报检查"));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (client, int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Workspace_SupervisorOfAnotherRegion_NotFoundForEveryPage()
    {
        var (owner, workspace) = await WorkspaceAsync("甲");
        (await owner.UploadAsync(workspace, Uploads.Seed("000"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var report = ReportLink().Match(await owner.GetStringAsync($"/staff/supervision/{workspace}")).Groups[2].Value;
        var (other, _) = await WorkspaceAsync("乙");

        string[] pages =
        [
            $"/staff/supervision/{workspace}", $"/staff/supervision/{workspace}/reports/{report}", $"/staff/supervision/{workspace}/reports/{report}/file",
            $"/staff/supervision/{workspace}/ranking", $"/staff/supervision/{workspace}/charts", $"/staff/supervision/{workspace}/compare",
            $"/staff/supervision/{workspace}/summary", $"/staff/supervision/{workspace}/export?format=xlsx",
        ];
        foreach (var page in pages)
        {
            (await owner.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK, page);
            var refused = await other.GetAsync(page);
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound, page);
            (await refused.Content.ReadAsStringAsync()).ShouldNotContain("甲市");
        }
        (await other.GetStringAsync("/staff/supervision")).ShouldNotContain("甲年报检查");
        var otherToken = await other.TokenAsync("/staff/supervision");
        var decide = await other.PostAsync($"/staff/supervision/{workspace}/reports/{report}?handler=Decide", new FormUrlEncodedContent(
            [KeyValuePair.Create("findingId", "1"), KeyValuePair.Create("verdict", "Confirmed"), KeyValuePair.Create("__RequestVerificationToken", otherToken)]));
        decide.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>An opened finding of a PDF shows the page with its cells boxed; the page image is the workspace's only.</summary>
    [Fact]
    public async Task ReportPage_FindingOfAPdfOpened_PageImageWithTheCellsBoxed()
    {
        var (client, workspace) = await WorkspaceAsync("子");
        var pdf = File.ReadAllBytes(Path.Combine(Reports.Tests.TestFiles.Root, "tests", "Gongkai.Reports.Tests", "Pdf", "Producers", "libreoffice-2019.pdf"));
        (await client.UploadAsync(workspace, ("2020年报.pdf", pdf))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var report = ReportLink().Match(await client.GetStringAsync($"/staff/supervision/{workspace}")).Groups[2].Value;
        var page = $"/staff/supervision/{workspace}/reports/{report}";
        var finding = Regex.Match(await client.GetStringAsync(page), "id=\"finding-(\\d+)\"").Groups[1].Value;

        var html = await client.GetStringAsync($"{page}?finding={finding}");

        html.ShouldContain($"id=\"evidence-{finding}\"");
        var image = Regex.Match(html, "<image href=\"([^\"]+)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        image.ShouldStartWith($"{page}?handler=Page&number=");
        Regex.Matches(html, "<rect class=\"evidence-mark\"").Count.ShouldBeGreaterThan(0);
        var png = await client.GetAsync(image);
        png.StatusCode.ShouldBe(HttpStatusCode.OK);
        png.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await client.GetAsync($"{page}?handler=Page&number=99")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var (other, _) = await WorkspaceAsync("丑");
        (await other.GetAsync(image)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Supervision_StaffWithoutSupervisorRole_AccessDenied()
    {
        var city = await factory.AgencyAsync("丙市人民政府", AgencyLevel.City);
        await factory.UserAsync("bing.handler", Roles.Handler, city.Id);
        var client = factory.Browser();
        await client.LogInAsync("bing.handler");

        var response = await client.GetAsync("/staff/supervision");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/access-denied");
        (await client.GetStringAsync("/staff")).ShouldNotContain("/staff/supervision");
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_Refused()
    {
        var (client, workspace) = await WorkspaceAsync("丁");
        var (name, content) = Uploads.Seed("001");
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "files", name } };

        var response = await client.PostAsync($"/staff/supervision/{workspace}?handler=Upload", form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetStringAsync($"/staff/supervision/{workspace}")).ShouldContain("尚未收录报告");
    }

    [Fact]
    public async Task Upload_ZipAndFiles_GridReportPageDecisionsAndHistory()
    {
        var (client, workspace) = await WorkspaceAsync("戊");

        var zip = await client.UploadAsync(workspace, Uploads.SeedsZip(), ("notes.txt", "只是备注"u8.ToArray()));
        var again = await client.UploadAsync(workspace, Uploads.Seed("000"));

        zip.Headers.Location!.OriginalString.ShouldBe($"/staff/supervision/{workspace}?added=5&rejected=1#intake");
        again.Headers.Location!.OriginalString.ShouldBe($"/staff/supervision/{workspace}?added=0&rejected=1#intake");
        var overview = await client.GetStringAsync($"/staff/supervision/{workspace}");
        overview.ShouldContain("深圳市住房和建设局");
        overview.ShouldContain("逾期公开");
        overview.ShouldContain("与已收录的“seeds.zip/seeds/000.txt”内容完全相同，未重复收录");
        overview.ShouldContain("<td>notes.txt</td><td>文件中没有找到政府信息公开工作年度报告");

        var seed000 = ReportLink().Match(overview[overview.IndexOf(">深圳市住房和建设局<", StringComparison.Ordinal)..]).Groups[2].Value;
        var page = $"/staff/supervision/{workspace}/reports/{seed000}";
        var html = await client.GetStringAsync(page);
        html.ShouldContain("requests.balance");
        html.ShouldContain("class=\"figure flagged\" data-cell=\"requests.newReceived.naturalPerson\"");
        var findingIds = Regex.Matches(html, "id=\"finding-(\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        findingIds.Count.ShouldBe(9);

        var refused = await client.PostFormAsync(page, [KeyValuePair.Create("findingId", findingIds[0]), KeyValuePair.Create("verdict", "Dismissed"), KeyValuePair.Create("note", "")],
            action: page + "?handler=Decide");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("排除问题时请写明理由。");
        var confirmed = await client.PostFormAsync(page, [KeyValuePair.Create("findingId", findingIds[0]), KeyValuePair.Create("verdict", "Confirmed"), KeyValuePair.Create("note", "已电话核实")],
            action: page + "?handler=Decide");
        confirmed.Headers.Location!.OriginalString.ShouldBe($"{page}#finding-{findingIds[0]}");
        await client.PostFormAsync(page, [KeyValuePair.Create("findingId", findingIds[0]), KeyValuePair.Create("verdict", "Dismissed"), KeyValuePair.Create("note", "复核后认为不影响")],
            action: page + "?handler=Decide");

        var after = await client.GetStringAsync(page);
        var item = after[after.IndexOf($"id=\"finding-{findingIds[0]}\"", StringComparison.Ordinal)..];
        item = item[..item.IndexOf("</li>\n        <li", StringComparison.Ordinal)];
        item.ShouldContain("已确认</strong>：已电话核实");
        item.ShouldContain("已排除</strong>：复核后认为不影响");
        item.IndexOf("已确认</strong>", StringComparison.Ordinal).ShouldBeLessThan(item.IndexOf("已排除</strong>", StringComparison.Ordinal));
        item.ShouldContain("verdict-dismissed");

        var marked = await client.GetStringAsync($"{page}?finding={findingIds[0]}");
        Regex.Matches(marked, "class=\"figure flagged\" data-cell=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ShouldBe(
            ["requests.newReceived.naturalPerson", "requests.carriedOver.naturalPerson", "requests.results.total.naturalPerson", "requests.carriedForward.naturalPerson"]);
    }

    [Fact]
    public async Task Export_EveryFormat_FileOfTheAuditAndAnAuditLine()
    {
        var (client, workspace) = await WorkspaceAsync("己");
        await client.UploadAsync(workspace, Uploads.Seed("000"), Uploads.Seed("004"));

        var xlsx = await client.GetAsync($"/staff/supervision/{workspace}/export?format=xlsx");
        var csv = await client.GetAsync($"/staff/supervision/{workspace}/export?format=csv");
        var docx = await client.GetAsync($"/staff/supervision/{workspace}/export?format=docx");
        var unknown = await client.GetAsync($"/staff/supervision/{workspace}/export?format=pdf");

        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xlsx.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        using (var book = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
            book.WorkbookPart!.Workbook.Sheets!.Count().ShouldBe(4);
        (await csv.Content.ReadAsStringAsync()).ShouldContain("高港区住房和城乡建设局");
        using (var memo = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
            memo.MainDocumentPart!.Document.Body!.InnerText.ShouldStartWith("己年报检查情况");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().AuditEntries
            .CountAsync(e => e.Action == AuditAction.SupervisionExported && e.Summary.StartsWith("导出年报检查“己年报检查”"))).ShouldBe(3);
    }

    [Fact]
    public async Task ExportForm_AllYearsSendsAnEmptyYear_TheWholeAudit()
    {
        var (client, workspace) = await WorkspaceAsync("壬");
        await client.UploadAsync(workspace, Uploads.Seed("000"), Uploads.Seed("004"));

        var page = await client.GetStringAsync($"/staff/supervision/{workspace}");
        var years = Regex.Matches(page, "<option value=\"(\\d{4})\">").Select(m => m.Groups[1].Value).ToList();
        var all = await client.GetStringAsync($"/staff/supervision/{workspace}/export?year=&format=csv");
        var first = await client.GetStringAsync($"/staff/supervision/{workspace}/export?year={years[0]}&format=csv");

        years.Count.ShouldBe(2);
        all.Split('\n').Length.ShouldBeGreaterThan(first.Split('\n').Length);
    }

    [Fact]
    public async Task CollectPublished_NoneOnThePlatform_NothingAddedAndSaysSo()
    {
        var (client, workspace) = await WorkspaceAsync("癸");
        var page = $"/staff/supervision/{workspace}";

        var collected = await client.PostFormAsync(page, [], page + "?handler=Published");

        (await client.GetStringAsync(page)).ShouldContain("收录本平台已发布的年度报告");
        collected.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        collected.Headers.Location!.OriginalString.ShouldEndWith("?added=0&rejected=0#intake");
    }

    [Fact]
    public async Task OriginalFile_Html_DownloadedNeverShown()
    {
        var (client, workspace) = await WorkspaceAsync("庚");
        var html = await File.ReadAllBytesAsync(Reports.Tests.TestFiles.Data("html/linhe-2021-cms.html"));
        await client.UploadAsync(workspace, ("linhe.html", html));
        var report = ReportLink().Match(await client.GetStringAsync($"/staff/supervision/{workspace}")).Groups[2].Value;

        var file = await client.GetAsync($"/staff/supervision/{workspace}/reports/{report}/file");

        file.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        file.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        (await file.Content.ReadAsByteArrayAsync()).ShouldBe(html);
    }

    [Fact]
    public async Task Pages_Supervision_NoInlineScriptOrStyle()
    {
        var (client, workspace) = await WorkspaceAsync("辛");
        await client.UploadAsync(workspace, Uploads.SeedsZip());
        var report = ReportLink().Match(await client.GetStringAsync($"/staff/supervision/{workspace}")).Groups[2].Value;

        foreach (var page in new[] { "", "/ranking", "/charts", "/compare", "/summary", $"/reports/{report}" })
        {
            var html = await client.GetStringAsync($"/staff/supervision/{workspace}{page}");
            html.ShouldNotContain("<script", customMessage: page);
            html.ShouldNotContain("<style", customMessage: page);
            html.ShouldNotContain(" style=", customMessage: page);
            Regex.IsMatch(html, @"\son[a-z]+\s*=").ShouldBeFalse(page);
        }
    }
}
