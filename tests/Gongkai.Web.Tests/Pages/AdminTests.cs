using System.Net;
using System.Net.Http.Headers;
using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Pages;

public sealed class AdminTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private async Task<HttpClient> AdminAsync(string name)
    {
        await factory.UserAsync(name, Roles.Admin, null);
        var client = factory.Browser();
        await client.LogInAsync(name);
        return client;
    }

    private async Task<List<AuditEntry>> AuditAsync(AuditAction action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().AuditEntries.Where(e => e.Action == action).ToListAsync();
    }

    [Fact]
    public async Task UsersList_PhoneNumbers_MaskedUntilRevealedAndAudited()
    {
        var agency = await factory.AgencyAsync("脱敏测试市人民政府", AgencyLevel.City);
        var staff = await factory.UserAsync("masked.phone", Roles.Handler, agency.Id, phone: "13912345678");
        var client = await AdminAsync("mask.admin");

        var list = await client.GetStringAsync("/admin/users");
        var details = await client.GetStringAsync($"/admin/users/{staff.Id}");
        list.ShouldContain("139****5678");
        list.ShouldNotContain("13912345678");
        details.ShouldNotContain("13912345678");
        (await AuditAsync(AuditAction.PersonalDataViewed)).ShouldBeEmpty();

        var revealed = await (await client.PostFormAsync($"/admin/users/{staff.Id}", [], action: $"/admin/users/{staff.Id}?handler=Reveal")).Content.ReadAsStringAsync();

        revealed.ShouldContain("13912345678");
        var entry = (await AuditAsync(AuditAction.PersonalDataViewed)).ShouldHaveSingleItem();
        entry.EntityId.ShouldBe(staff.Id.ToString());
        entry.ActorName.ShouldContain("mask.admin");
    }

    [Fact]
    public async Task CreateStaff_ThroughTheForm_ShowsOneTimePasswordThatWorksOnce()
    {
        var agency = await factory.AgencyAsync("建号测试市人民政府", AgencyLevel.City);
        var client = await AdminAsync("create.admin");

        var html = await (await client.PostFormAsync("/admin/users/new",
            ("Input.UserName", "form.handler"), ("Input.DisplayName", "表单承办人"), ("Input.Role", Roles.Handler),
            ("Input.AgencyId", agency.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.PhoneNumber", ""), ("Input.Email", "")))
            .Content.ReadAsStringAsync();

        var password = System.Text.RegularExpressions.Regex.Match(html, "<span class=\"secret\">([^<]+)</span>").Groups[1].Value;
        password.Length.ShouldBe(14);
        var newcomer = factory.Browser();
        (await newcomer.LogInAsync("form.handler", password)).Headers.Location!.ToString().ShouldStartWith("/account/change-password");
    }

    [Fact]
    public async Task LockAccount_ByAdministrator_HolderCannotSignInUntilUnlocked()
    {
        var agency = await factory.AgencyAsync("停用测试市人民政府", AgencyLevel.City);
        var staff = await factory.UserAsync("to.lock", Roles.Handler, agency.Id);
        var client = await AdminAsync("lock.admin");

        await client.PostFormAsync($"/admin/users/{staff.Id}", [KeyValuePair.Create("locked", "true")], action: $"/admin/users/{staff.Id}?handler=Lock");
        var refused = await factory.Browser().LogInAsync("to.lock");
        await client.PostFormAsync($"/admin/users/{staff.Id}", [KeyValuePair.Create("locked", "false")], action: $"/admin/users/{staff.Id}?handler=Lock");
        var accepted = await factory.Browser().LogInAsync("to.lock");

        (await refused.Content.ReadAsStringAsync()).ShouldContain(Gongkai.Web.Pages.Account.LoginModel.FailureMessage, customMessage: "the one message of every failed sign-in");
        (await AuditAsync(AuditAction.LockedOut)).ShouldContain(e => e.Summary == "to.lock 登录被拒：账号已停用");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditAsync(AuditAction.AccountLocked)).ShouldHaveSingleItem().EntityId.ShouldBe(staff.Id.ToString());
        (await AuditAsync(AuditAction.AccountUnlocked)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task GuideUpload_ExecutableNamedPdf_RefusedAndRealPdfServed()
    {
        var agency = await factory.AgencyAsync("上传测试市人民政府", AgencyLevel.City);
        var client = await AdminAsync("upload.admin");

        async Task<HttpResponseMessage> Upload(byte[] bytes, string name, string declaredType)
        {
            var token = await client.TokenAsync($"/admin/agencies/{agency.Id}");
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
            var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "file", name } };
            return await client.PostAsync($"/admin/agencies/{agency.Id}?handler=Upload", form);
        }

        var fake = await Upload("MZ\x90\0This program cannot be run in DOS mode"u8.ToArray(), "公开指南.pdf", "application/pdf");
        (await fake.Content.ReadAsStringAsync()).ShouldContain("不支持的文件类型");
        (await client.GetAsync($"/guide/{agency.Id}/file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var png = await Upload([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "指南.pdf", "application/pdf");
        (await png.Content.ReadAsStringAsync()).ShouldContain("上传的文件是PNG 图片");

        var pdf = "%PDF-1.7\n% 公开指南"u8.ToArray();
        (await Upload(pdf, "guide.bin", "application/octet-stream")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var download = await factory.Browser().GetAsync($"/guide/{agency.Id}/file");
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("guide.pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        (await AuditAsync(AuditAction.FileUploaded)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ImportPage_PreviewThenImport_PreviewChangesNothingImportAddsGoodRowsAndListsTheBadOne()
    {
        var client = await AdminAsync("import.admin");
        var csv = "统一社会信用代码,名称,行政层级,上级机关统一社会信用代码,公开工作机构,办公地址,联系电话\n"
            + "119908000070000103,导入测试市人民政府,市,,市政府办公室,政务大道1号,0999-1234567\n"
            + "119908000070000290,导入测试市教育局,部门,119908000070000103,局办公室,政务大道2号,0999-1234568\n"
            + "11990800007000029X,错误代码局,部门,119908000070000103,办公室,地址,0999-1234569\n";

        async Task<string> Post(string handler)
        {
            var token = await client.TokenAsync("/admin/import");
            var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("Agencies"), "Kind" }, { file, "file", "机关.csv" } };
            var response = await client.PostAsync($"/admin/import?handler={handler}", form);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return await response.Content.ReadAsStringAsync();
        }
        async Task<int> Imported()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Agencies.CountAsync(a => a.OrganizationCode.StartsWith("1199080000700"));
        }

        var preview = await Post("check");
        preview.ShouldContain("预览结果");
        preview.ShouldContain("导入测试市教育局");
        preview.ShouldContain("<td>4</td><td class=\"break\">11990800007000029X</td>");
        (await Imported()).ShouldBe(0);

        var imported = await Post("import");
        imported.ShouldContain("导入结果");
        imported.ShouldContain("统一社会信用代码应为18位，且校验位正确");
        (await Imported()).ShouldBe(2);
        (await AuditAsync(AuditAction.RecordsImported)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task CreateAgency_InvalidCode_ErrorBesideTheField()
    {
        var client = await AdminAsync("agency.admin");

        var html = await (await client.PostFormAsync("/admin/agencies/new",
            ("Input.Name", "错误代码市人民政府"), ("Input.Level", "City"), ("Input.ParentId", ""), ("Input.OrganizationCode", "123"),
            ("Input.SortOrder", "0"), ("Input.OfficeName", "办公室"), ("Input.OfficeAddress", "地址"), ("Input.OfficePhone", "0999-1234567"),
            ("Input.Guide", ""))).Content.ReadAsStringAsync();

        html.ShouldContain("统一社会信用代码应为18位，且校验位正确。");
        html.ShouldContain("id=\"Input_OrganizationCode-error\"");
    }

    [Fact]
    public async Task AuditExport_Csv_DownloadedAndItselfAudited()
    {
        var client = await AdminAsync("export.admin");

        var response = await client.GetAsync("/admin/audit/export?action=LoginSucceeded");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        text.ShouldContain("export.admin");
        text.ShouldNotContain("导出审计日志\"", Case.Sensitive, "only the chosen action is exported");
        (await AuditAsync(AuditAction.AuditExported)).ShouldNotBeEmpty();
    }
}
