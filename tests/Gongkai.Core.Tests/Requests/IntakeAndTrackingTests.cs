using Gongkai.Core.Audit;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.RequestsWorld;

namespace Gongkai.Core.Tests.Requests;

public sealed class IntakeAndTrackingTests
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGO4AwAAtgC1KWnr2AAAAABJRU5ErkJggg==");
    private static readonly AuditActor Citizen = new(null, "访客", "203.0.113.5");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OnlineRequest_ConfirmedCorrectedByTheApplicantAndDecided_DatesFollowTheCalendar(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-02-13");
        InformationRequest submitted;
        await using (var scope = world.Database.Scope())
        {
            using var scan = new MemoryStream(Png);
            var result = await scope.ServiceProvider.GetRequiredService<RequestIntake>().SubmitAsync(Application(world.Office.Id),
                [new Upload(scan, "身份证.png", AttachmentKind.IdentityProof)], null, Citizen);
            submitted = result.Value!;
        }
        submitted.Status.ShouldBe(RequestStatus.Submitted);

        (await world.StepAsync(submitted.Id, new StepInput { Step = RequestStep.Receive, Date = D("2026-02-13") })).Succeeded.ShouldBeTrue();
        (await world.CaseAsync(submitted.Id)).Deadlines.Select(d => (d.Label, d.Date)).ShouldBe(
            [("答复期限", D("2026-03-19")), ("补正告知期限", D("2026-03-02"))], "春节 skipped, the 调休 Saturdays 14 and 28 February counted");
        (await world.StepAsync(submitted.Id, new StepInput { Step = RequestStep.RequestCorrection, Date = D("2026-02-13"), Items = "请写明文件名称", PeriodWorkingDays = 10 }))
            .Succeeded.ShouldBeTrue();
        world.Today("2026-02-26");
        await using (var scope = world.Database.Scope())
        {
            var tracking = scope.ServiceProvider.GetRequiredService<RequestTracking>();
            var found = (await tracking.TrackAsync(submitted.TrackingCode.ToLowerInvariant(), "0000")).Request;
            found!.Id.ShouldBe(submitted.Id);
            (await scope.ServiceProvider.GetRequiredService<RequestCommands>().ApplicantCorrectAsync(found.Id, "所需文件为《明德路改造方案》", [], Citizen))
                .Succeeded.ShouldBeTrue();
        }

        var corrected = await world.CaseAsync(submitted.Id);
        corrected.Clock.ClockStart.ShouldBe(D("2026-02-26"));
        corrected.Clock.AnswerDue.ShouldBe(D("2026-03-25"), "20 working days anew from the day the correction arrived, Saturday 28 February counted");
        corrected.Messages.ShouldHaveSingleItem().Body.ShouldBe("补正：所需文件为《明德路改造方案》");
        corrected.Attachments.ShouldHaveSingleItem().Attachment.Kind.ShouldBe(AttachmentKind.IdentityProof);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submit_WithoutIdentityProofOrWithABadFile_RefusedInChinese(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        await using var scope = world.Database.Scope();
        var intake = scope.ServiceProvider.GetRequiredService<RequestIntake>();

        var missing = await intake.SubmitAsync(Application(world.Office.Id) with { Phone = "12", Description = "" }, [], null, Citizen);
        using var fake = new MemoryStream("MZ this is an executable"u8.ToArray());
        var badFile = await intake.SubmitAsync(Application(world.Office.Id), [new Upload(fake, "身份证.png", AttachmentKind.IdentityProof)], null, Citizen);

        missing.Errors.Select(e => e.Field).ShouldBe(["Phone", "Description", "IdentityProof"], ignoreOrder: true);
        missing.Errors.Single(e => e.Field == "IdentityProof").Message.ShouldBe("请上传身份证件的扫描件或照片。");
        badFile.Errors.ShouldHaveSingleItem().Message.ShouldContain("不支持的文件类型");
        (await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Requests.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("0000", true)]
    [InlineData("张三", true)]
    [InlineData(" 张 三 ", true)]
    [InlineData("1234", false)]
    [InlineData("李四", false)]
    [InlineData("", false)]
    public void Matches_SecondFactor_LastFourDigitsOrName(string factor, bool matches) =>
        RequestTracking.Matches(new InformationRequest
        {
            TrackingCode = "", ApplicantName = "张三", IdentityNumber = "", Phone = "138-0000-0000", Description = "", ContactKey = "",
        }, factor).ShouldBe(matches);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Track_UnknownCodeOrWrongFactor_NothingFound(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var request = await world.RegisterAsync("2026-03-02");
        await using var scope = world.Database.Scope();
        var tracking = scope.ServiceProvider.GetRequiredService<RequestTracking>();

        (await tracking.TrackAsync(request.TrackingCode, "9999")).Request.ShouldBeNull();
        (await tracking.TrackAsync(TrackingCode.Generate(), "0000")).Request.ShouldBeNull();
        (await tracking.TrackAsync(request.TrackingCode, "0000")).Request!.Id.ShouldBe(request.Id);
    }
}
