using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Core.Accounts;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Requests;

public sealed class RequestsApiTests(RequestsFactory factory) : IClassFixture<RequestsFactory>
{
    private static object Application(int agencyId, string phone = "13800000000") => new
    {
        agencyId, applicantType = "NaturalPerson", applicantName = "张三", identityDocument = "ResidentIdCard",
        identityNumber = "11010519491231002X", phone, description = "请公开2025年老旧小区改造项目清单。", deliveryForm = "Electronic",
    };

    [Fact]
    public async Task Submit_SameRulesAsTheForm_ThenTrackWithTheSecondFactor()
    {
        var (office, _, _) = await factory.OfficeAsync("api.public");
        var client = factory.Browser();

        var refused = await client.PostAsJsonAsync("/api/v1/requests", new { application = Application(office.Id, phone: "1"), attachments = Array.Empty<object>() });
        var created = await client.PostAsJsonAsync("/api/v1/requests", new
        {
            application = Application(office.Id),
            attachments = new[] { new { kind = "IdentityProof", fileName = "id.png", contentBase64 = Convert.ToBase64String(RequestsFactory.Png) } },
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var errors = await refused.Content.ReadAsStringAsync();
        errors.ShouldContain("联系电话格式不正确");
        errors.ShouldContain("请上传身份证件的扫描件或照片。");
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var code = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("trackingCode").GetString()!;

        (await client.PostAsJsonAsync("/api/v1/requests/track", new { code, factor = "1234" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var tracked = JsonDocument.Parse(await (await client.PostAsJsonAsync("/api/v1/requests/track", new { code, factor = "0000" })).Content.ReadAsStringAsync()).RootElement;
        tracked.GetProperty("status").GetString().ShouldBe("Submitted");
        tracked.GetProperty("statusLabel").GetString().ShouldBe("待确认收到");
        tracked.GetProperty("agency").GetString().ShouldBe("api.public市人民政府办公室");
    }

    [Fact]
    public async Task StaffApi_CookieAntiforgeryAndVersion()
    {
        var (office, handler, _) = await factory.OfficeAsync("api.staff");
        var request = await factory.RegisterAsync(office, handler, "2026-03-02");
        var anonymous = factory.Browser();
        (await anonymous.GetAsync("/api/v1/staff/requests")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var client = factory.Browser();
        await client.LogInAsync(handler.UserName!);
        var queue = await client.GetStringAsync("/api/v1/staff/requests");
        queue.ShouldContain(request.Number);
        var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/staff/requests/{request.Id}")).RootElement;
        detail.GetProperty("applicant").GetProperty("identityNumber").GetString().ShouldBe("110***********002X");
        detail.GetProperty("deadlines")[0].GetProperty("date").GetString().ShouldBe("2026-03-30");
        var version = detail.GetProperty("version").GetInt32();
        var step = new { step = "Decide", version, date = "2026-03-19", outcome = "Granted" };

        var withoutToken = await client.PostAsJsonAsync($"/api/v1/staff/requests/{request.Id}/steps", step);
        var token = JsonDocument.Parse(await client.GetStringAsync("/api/v1/staff/antiforgery")).RootElement;
        client.DefaultRequestHeaders.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
        var stale = await client.PostAsJsonAsync($"/api/v1/staff/requests/{request.Id}/steps", step with { version = version - 1 });
        var illegal = await client.PostAsJsonAsync($"/api/v1/staff/requests/{request.Id}/steps", new { step = "Deliver", version, date = "2026-03-19", method = "邮寄", deliveryChannel = "Post", reference = "XA1" });
        var done = await client.PostAsJsonAsync($"/api/v1/staff/requests/{request.Id}/steps", step);

        withoutToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("此申请已被他人更新，请刷新后再操作。");
        illegal.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await illegal.Content.ReadAsStringAsync()).ShouldContain("不能登记送达");
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = JsonDocument.Parse(await done.Content.ReadAsStringAsync()).RootElement;
        after.GetProperty("status").GetString().ShouldBe("Decided");
        after.GetProperty("nextSteps").EnumerateArray().Select(s => s.GetString()).ShouldBe(["Deliver"]);
        (await client.GetAsync("/api/v1/staff/requests/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StaffApi_Applicant_Forbidden()
    {
        await factory.UserAsync("api.applicant", Roles.Applicant, null);
        var client = factory.Browser();
        await client.LogInAsync("api.applicant");

        (await client.GetAsync("/api/v1/staff/requests")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
