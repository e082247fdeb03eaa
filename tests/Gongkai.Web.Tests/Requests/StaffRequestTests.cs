using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Domain.Requests;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Requests;

/// <summary>The office's side: steps with their rules, letters as DOCX and PDF, masked personal data, scope.</summary>
public sealed partial class StaffRequestTests(RequestsFactory factory) : IClassFixture<RequestsFactory>
{
    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    [Fact]
    public async Task IllegalStep_RefusedWithTheRuleShownOnThePage()
    {
        var (office, handler, _) = await factory.OfficeAsync("illegal");
        var request = await factory.RegisterAsync(office, handler, "2026-03-02");
        var client = factory.Browser();
        await client.LogInAsync(handler.UserName!);
        var stepPage = $"/staff/requests/{request.Id}/deliver";
        var version = VersionField().Match(await client.GetStringAsync($"/staff/requests/{request.Id}/decide")).Groups[1].Value;

        var deliver = await client.PostFormAsync(stepPage, ("Input.Version", version), ("Input.Date", "2026-03-10"), ("Input.Method", "邮寄"), ("Input.DeliveryChannel", "InPerson"));
        var future = await client.PostFormAsync($"/staff/requests/{request.Id}/decide", ("Input.Version", version), ("Input.Date", "2026-03-23"), ("Input.Outcome", "Granted"));

        deliver.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await deliver.Content.ReadAsStringAsync()).ShouldContain("当前状态为“办理中”，不能登记送达");
        (await future.Content.ReadAsStringAsync()).ShouldContain("日期不能晚于今天（2026-03-20）。");
    }

    [Fact]
    public async Task StaleForm_ConflictMessageAndNothingLost()
    {
        var (office, handler, head) = await factory.OfficeAsync("stale");
        var request = await factory.RegisterAsync(office, handler, "2026-03-02");
        var one = factory.Browser();
        await one.LogInAsync(handler.UserName!);
        var version = VersionField().Match(await one.GetStringAsync($"/staff/requests/{request.Id}/requestcorrection")).Groups[1].Value;
        await factory.StepAsync(request, head, Roles.OfficeHead, new StepInput { Step = RequestStep.StartConsultation, Date = RequestsFactory.D("2026-03-04"), Party = "某公司" });

        var response = await one.PostFormAsync($"/staff/requests/{request.Id}/requestcorrection", ("Input.Version", version), ("Input.Date", "2026-03-05"),
            ("Input.Items", "请写明文号"), ("Input.Deadline", "2026-03-19"));

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("此申请已被他人更新，请刷新后再操作。");
        html.ShouldContain("刷新申请");
        (await one.GetStringAsync($"/staff/requests/{request.Id}")).ShouldContain("征求第三方意见：某公司");
    }

    [Fact]
    public async Task Decide_ThenLettersDownloadAsDocxAndPdf_ForStaffAndApplicant()
    {
        var (office, handler, _) = await factory.OfficeAsync("letters");
        var request = await factory.RegisterAsync(office, handler, "2026-03-02");
        var client = factory.Browser();
        await client.LogInAsync(handler.UserName!);
        var version = VersionField().Match(await client.GetStringAsync($"/staff/requests/{request.Id}/decide")).Groups[1].Value;

        var decided = await client.PostFormAsync($"/staff/requests/{request.Id}/decide", ("Input.Version", version), ("Input.Date", "2026-03-19"),
            ("Input.Outcome", "PartiallyGranted"), ("Input.Reason", "第3页涉及个人隐私，已作区分处理。"));
        decided.Headers.Location!.ToString().ShouldBe($"/staff/requests/{request.Id}");
        var casePage = await client.GetStringAsync($"/staff/requests/{request.Id}");
        casePage.ShouldContain("已办理：作出答复决定：部分公开，已生成答复书");
        var letterId = Regex.Matches(casePage, "letterId=(\\d+)").Select(m => m.Groups[1].Value).Last();

        var docx = await client.GetAsync($"/staff/requests/{request.Id}?handler=letter&letterId={letterId}&format=docx");
        var pdf = await client.GetAsync($"/staff/requests/{request.Id}?handler=letter&letterId={letterId}&format=pdf");

        docx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        (await docx.Content.ReadAsByteArrayAsync())[..2].ShouldBe("PK"u8.ToArray());
        docx.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"政府信息公开申请答复书（{request.Number}-02）.docx");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await pdf.Content.ReadAsByteArrayAsync())[..5].ShouldBe("%PDF-"u8.ToArray());

        var applicant = factory.Browser();
        await applicant.PostFormAsync("/track", ("Code", request.TrackingCode), ("Factor", "张三"));
        var tracked = await applicant.GetStringAsync($"/track/case/{request.Id}");
        tracked.ShouldContain("部分公开");
        (await applicant.GetAsync($"/track/case/{request.Id}?handler=letter&letterId={letterId}&format=pdf")).Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
    }

    [Fact]
    public async Task PersonalData_MaskedUntilShownOnDemand_WhichIsAudited()
    {
        var (office, handler, _) = await factory.OfficeAsync("masked");
        var request = await factory.RegisterAsync(office, handler, "2026-03-02");
        var client = factory.Browser();
        await client.LogInAsync(handler.UserName!);

        var masked = await client.GetStringAsync($"/staff/requests/{request.Id}");
        var revealed = await (await client.PostFormAsync($"/staff/requests/{request.Id}", [], action: $"/staff/requests/{request.Id}?handler=Reveal")).Content.ReadAsStringAsync();

        masked.ShouldNotContain("11010519491231002X");
        masked.ShouldContain("110***********002X");
        masked.ShouldContain("138****0000");
        revealed.ShouldContain("11010519491231002X");
        revealed.ShouldContain("13800000000");
        await using var scope = factory.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Action == AuditAction.PersonalDataViewed && e.EntityType == "Request" && e.EntityId == request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        entry.ActorId.ShouldBe(handler.Id);
    }

    [Fact]
    public async Task AnotherAgencysCase_ByUrl_NotFound()
    {
        var (office, handler, _) = await factory.OfficeAsync("mine");
        var (_, other, _) = await factory.OfficeAsync("theirs");
        var request = await factory.RegisterAsync(office, handler, "2026-03-02");
        var client = factory.Browser();
        await client.LogInAsync(other.UserName!);

        (await client.GetAsync($"/staff/requests/{request.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/staff/requests/{request.Id}/decide")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetStringAsync("/staff/requests")).ShouldNotContain(request.Number);
    }

    [Fact]
    public async Task Register_DuplicateWarnedThenConfirmed_QueueShowsIt()
    {
        var (office, handler, _) = await factory.OfficeAsync("duplicate");
        var first = await factory.RegisterAsync(office, handler, "2026-03-02");
        var client = factory.Browser();
        await client.LogInAsync(handler.UserName!);
        (string, string)[] fields =
        [
            ("Registration.Channel", "Post"), ("Registration.ReceivedOn", "2026-03-18"), ("Input.ApplicantType", "NaturalPerson"), ("Input.ApplicantName", "张三"),
            ("Input.IdentityDocument", "ResidentIdCard"), ("Input.IdentityNumber", "11010519491231002X"), ("Input.Phone", "13800000000"),
            ("Input.Description", "请公开 2025 年老旧小区改造项目清单"), ("Input.DeliveryForm", "Paper"), ("Input.Address", "示范市文昌路1号"),
        ];

        var warned = await client.PostMultipartAsync("/staff/requests/new", fields, []);
        var registered = await client.PostMultipartAsync("/staff/requests/new", [.. fields, ("ConfirmDuplicate", "true")], []);

        (await warned.Content.ReadAsStringAsync()).ShouldContain($"href=\"/staff/requests/{first.Id}\"");
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var casePage = await client.GetStringAsync(registered.Headers.Location!.ToString());
        casePage.ShouldContain("2026-03-18（星期三）");
        casePage.ShouldContain("可能属于重复申请");
        casePage.ShouldContain("邮寄的，以行政机关签收之日为收到申请之日");
        (await client.GetStringAsync("/staff/requests")).ShouldContain(first.Number);
    }

    [Fact]
    public async Task StaffHome_RemindersForTheHandler_OverdueForTheSupervisor()
    {
        var (office, handler, _) = await factory.OfficeAsync("home");
        var overdue = await factory.RegisterAsync(office, handler, "2026-02-10");
        var supervisor = await factory.UserAsync("home.supervisor", Roles.Supervisor, office.ParentId);
        var handlerClient = factory.Browser();
        await handlerClient.LogInAsync(handler.UserName!);
        var supervisorClient = factory.Browser();
        await supervisorClient.LogInAsync(supervisor.UserName!);

        var home = await handlerClient.GetStringAsync("/staff");
        var supervised = await supervisorClient.GetStringAsync("/staff");

        home.ShouldContain("今日待办（1 件）");
        home.ShouldContain("已超过答复期限");
        home.ShouldContain(overdue.Number);
        supervised.ShouldContain("所辖机关超期未答复（1 件）");
        supervised.ShouldContain($"{overdue.Number}</a> home市人民政府办公室：超期 4 个工作日");
    }
}
