using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Accounts;
using Gongkai.Core.Requests;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Requests;

/// <summary>The administrators' calendar and templates, and what an edit does to running cases.</summary>
public sealed class AdminRequestsTests(RequestsFactory factory) : IClassFixture<RequestsFactory>
{
    [Fact]
    public async Task CalendarEdit_MovesARunningDueDateOnTheCasePage()
    {
        var (office, handler, _) = await factory.OfficeAsync("calendar");
        var request = await factory.RegisterAsync(office, handler, "2026-03-02");
        await factory.UserAsync("calendar.admin", Roles.Admin, null);
        var admin = factory.Browser();
        await admin.LogInAsync("calendar.admin");
        var staff = factory.Browser();
        await staff.LogInAsync(handler.UserName!);
        (await staff.GetStringAsync($"/staff/requests/{request.Id}")).ShouldContain("2026-03-30（星期一）");

        var index = await admin.GetStringAsync("/admin/calendar");
        var national = Regex.Match(index, "href=\"/admin/calendar/(\\d+)\\?year=2026\"").Groups[1].Value;
        var saved = await admin.PostFormAsync($"/admin/calendar/{national}?year=2026", [new("Date", "2026-03-16"), new("Kind", "RestDay"), new("Note", "演练放假")],
            action: $"/admin/calendar/{national}?year=2026&handler=Set");
        var refused = await admin.PostFormAsync($"/admin/calendar/{national}?year=2026", [new("Date", "2026-03-17"), new("Kind", "MakeUpWorkingDay")],
            action: $"/admin/calendar/{national}?year=2026&handler=Set");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("调休上班日只能是星期六或星期日。");
        var casePage = await staff.GetStringAsync($"/staff/requests/{request.Id}");
        casePage.ShouldContain("2026-03-31（星期二）");
        casePage.ShouldContain("演练放假");
        await admin.PostFormAsync($"/admin/calendar/{national}?year=2026", [new("Date", "2026-03-16")], action: $"/admin/calendar/{national}?year=2026&handler=Remove");
        (await staff.GetStringAsync($"/staff/requests/{request.Id}")).ShouldContain("2026-03-30（星期一）");
    }

    [Fact]
    public async Task LetterTemplate_EditedAndUsed_UnknownPlaceholderRefused()
    {
        await factory.UserAsync("letters.admin", Roles.Admin, null);
        var admin = factory.Browser();
        await admin.LogInAsync("letters.admin");

        var list = await admin.GetStringAsync("/admin/letters");
        var bad = await admin.PostFormAsync("/admin/letters/CorrectionNotice", ("Title", "补正告知书"), ("Body", "请补正：{补正事项}{错字}"));
        var good = await admin.PostFormAsync("/admin/letters/CorrectionNotice", ("Title", "补正告知书"), ("Body", "请于{补正期限}前补正：{补正事项}"));

        list.ShouldContain("答复书：不予公开（属于国家秘密）");
        (await bad.Content.ReadAsStringAsync()).ShouldContain("无法识别的占位符：{错字}");
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (office, handler, _) = await factory.OfficeAsync("template");
        var request = await factory.RegisterAsync(office, handler, "2026-03-02");
        await factory.StepAsync(request, handler, Roles.Handler, new StepInput
        {
            Step = RequestStep.RequestCorrection, Date = RequestsFactory.D("2026-03-03"), Items = "文件名称", PeriodWorkingDays = 10,
        });
        var staff = factory.Browser();
        await staff.LogInAsync(handler.UserName!);
        var casePage = await staff.GetStringAsync($"/staff/requests/{request.Id}");
        casePage.ShouldContain("<td>补正告知书</td>");
        await admin.PostFormAsync("/admin/letters/CorrectionNotice", [], action: "/admin/letters/CorrectionNotice?handler=Reset");
        (await admin.GetStringAsync("/admin/letters/CorrectionNotice")).ShouldContain("政府信息公开申请补正告知书");
    }

    [Theory]
    [InlineData("/admin/calendar")]
    [InlineData("/admin/letters")]
    public async Task AdminPages_Handler_AccessDenied(string path)
    {
        var (_, handler, _) = await factory.OfficeAsync("denied" + path.Length);
        var client = factory.Browser();
        await client.LogInAsync(handler.UserName!);

        (await client.GetAsync(path)).Headers.Location!.AbsolutePath.ShouldBe("/account/access-denied");
    }
}
