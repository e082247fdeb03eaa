using System.Net;
using System.Text;
using Gongkai.Core.Accounts;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Catalogue;

public sealed class WordAdminTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private async Task<HttpClient> AdminAsync(string name)
    {
        await factory.UserAsync(name, Roles.Admin, null);
        var client = factory.Browser();
        await client.LogInAsync(name);
        return client;
    }

    [Fact]
    public async Task Import_BadLines_ReportedAndNothingImported()
    {
        var client = await AdminAsync("words.admin1");
        var csv = Encoding.UTF8.GetBytes("\uFEFF词语,类型,更正,处理方式,说明\n导入甲,错误表述,导入乙,提示,\n导入丙,不知道,,提示,\n");

        var html = await (await client.PostFileAsync("/admin/words/import", "/admin/words/import", "file", csv, "words.csv", ("dryRun", "false")))
            .Content.ReadAsStringAsync();

        html.ShouldContain("文件有误，未导入任何内容");
        html.ShouldContain("第3行：类型“不知道”无效");
        (await client.GetStringAsync("/admin/words?q=" + Uri.EscapeDataString("导入甲"))).ShouldNotContain(">导入甲<");
    }

    [Fact]
    public async Task Import_DryRunThenImport_ThenExportReadsBack()
    {
        var client = await AdminAsync("words.admin2");
        var csv = Encoding.UTF8.GetBytes("词语,类型,更正,处理方式,说明\n往返甲,错误表述,往返乙,禁止发布,\"说明,含逗号\"\n");

        var dry = await (await client.PostFileAsync("/admin/words/import", "/admin/words/import", "file", csv, "words.csv", ("dryRun", "true"))).Content.ReadAsStringAsync();
        (await client.GetStringAsync("/admin/words")).ShouldNotContain("往返甲");
        var real = await (await client.PostFileAsync("/admin/words/import", "/admin/words/import", "file", csv, "words.csv")).Content.ReadAsStringAsync();
        var export = await client.GetAsync("/admin/words/export");
        var bytes = await export.Content.ReadAsByteArrayAsync();

        dry.ShouldContain("试导入：将新增 1 个");
        real.ShouldContain("已导入：新增 1 个");
        export.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes).ShouldContain("\"往返甲\",\"错误表述\",\"往返乙\",\"禁止发布\",\"说明,含逗号\"");
    }

    [Fact]
    public async Task WordList_Handler_AccessDenied()
    {
        var agency = await factory.AgencyAsync("词表权限测试局", AgencyLevel.City);
        await factory.UserAsync("words.handler", Roles.Handler, agency.Id);
        var client = factory.Browser();
        await client.LogInAsync("words.handler");

        (await client.GetAsync("/admin/words")).Headers.Location!.AbsolutePath.ShouldBe("/account/access-denied");
    }

    [Fact]
    public async Task AddAndEdit_ThroughTheForms()
    {
        var client = await AdminAsync("words.admin3");
        (string, string)[] Word(string correction, string action) =>
            [("Input.Word", "表单词"), ("Input.Kind", "Wrong"), ("Input.Correction", correction), ("Input.Action", action), ("Input.Note", "")];

        var withoutCorrection = await (await client.PostFormAsync("/admin/words/new", Word("", "Warn"))).Content.ReadAsStringAsync();
        var added = await client.PostFormAsync("/admin/words/new", Word("正确", "Warn"));
        var duplicate = await (await client.PostFormAsync("/admin/words/new", Word("正确", "Block"))).Content.ReadAsStringAsync();
        var id = System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync("/admin/words?q=表单词"), "/admin/words/(\\d+)\">表单词").Groups[1].Value;
        var edited = await client.PostFormAsync($"/admin/words/{id}", Word("正确", "Block"));

        withoutCorrection.ShouldContain("错误表述须填写更正后的写法。");
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        duplicate.ShouldContain("词表中已有“表单词”。");
        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync("/admin/words?q=表单词")).ShouldContain("<td>禁止发布</td>");
    }
}
