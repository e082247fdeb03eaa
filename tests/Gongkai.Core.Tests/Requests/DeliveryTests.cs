using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Requests;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.RequestsWorld;

namespace Gongkai.Core.Tests.Requests;

/// <summary>Delivery as a recorded fact (issue 10): periods "自收到" run from it, and letters say only what the record holds.</summary>
public sealed class DeliveryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FeeNotice_PeriodWaitsForReceipt_ThenRunsFromIt_ClosingEarlyRefused(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-04-01");
        var request = await world.RegisterAsync("2026-03-02");
        var notice = (await world.StepAsync(request.Id, new StepInput { Step = RequestStep.NotifyFee, Date = D("2026-03-03"), FeeBasis = FeeBasis.PerVolume, Pages = 50 })).Value!;

        var waiting = await world.CaseAsync(request.Id);
        waiting.Deadlines.Single(d => d.Label == "缴费期限").Date.ShouldBeNull();
        waiting.AwaitingDelivery.ShouldHaveSingleItem().Letter.ShouldBe("收费通知书");

        var received = await world.StepAsync(request.Id, new StepInput
        {
            Step = RequestStep.Deliver, Of = notice.Sequence, DeliveryChannel = DeliveryChannel.Post, SentOn = D("2026-03-03"), Date = D("2026-03-06"), Reference = "XA123456789CN",
        });
        received.Succeeded.ShouldBeTrue();
        var running = await world.CaseAsync(request.Id);
        running.Deadlines.Single(d => d.Label == "缴费期限").Date.ShouldBe(D("2026-04-03"));
        running.AwaitingDelivery.ShouldBeEmpty();

        var early = await world.StepAsync(request.Id, new StepInput { Step = RequestStep.CloseForNonPayment, Date = D("2026-04-01") });
        early.Errors.ShouldHaveSingleItem().Message.ShouldBe("缴费期限2026-04-03尚未届满");
        (await world.CaseAsync(request.Id)).History.Count.ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delivery_BadInput_ClearChineseErrorAndNothingRecorded(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var request = await world.RegisterAsync("2026-03-02");
        var notice = (await world.StepAsync(request.Id, new StepInput { Step = RequestStep.RequestCorrection, Date = D("2026-03-05"), Items = "请写明文号", PeriodWorkingDays = 10 })).Value!;

        var beforeSending = await world.StepAsync(request.Id, new StepInput { Step = RequestStep.Deliver, Of = notice.Sequence, DeliveryChannel = DeliveryChannel.InPerson, Date = D("2026-03-04") });
        var noTrackingNumber = await world.StepAsync(request.Id, new StepInput { Step = RequestStep.Deliver, Of = notice.Sequence, DeliveryChannel = DeliveryChannel.Post, Date = D("2026-03-09") });
        var tooShort = await world.StepAsync((await world.RegisterAsync("2026-03-02")).Id,
            new StepInput { Step = RequestStep.RequestCorrection, Date = D("2026-03-05"), Items = "请写明文号", PeriodWorkingDays = 1 });

        beforeSending.Errors.ShouldHaveSingleItem().Message.ShouldBe("送达（收到）日期2026-03-04不能早于文书发出之日2026-03-05");
        noTrackingNumber.Errors.ShouldHaveSingleItem().Message.ShouldBe("邮寄送达请填写邮件单号。");
        tooShort.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("补正期限应为5至30个工作日");
        (await world.CaseAsync(request.Id)).History.Count.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OfficeRules_SetByTheHeadOnly_AndTheyBoundTheCorrectionPeriod(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        await using (var scope = world.Database.Scope())
        {
            var store = scope.ServiceProvider.GetRequiredService<RequestRulesStore>();
            var stricter = RequestRules.Default with { CorrectionPeriodMin = 10, CorrectionPeriodDefault = 15 };
            (await store.SaveAsync(world.Office.Id, stricter, world.Handler)).Errors.ShouldHaveSingleItem().Message.ShouldContain("公开办负责人");
            (await store.SaveAsync(world.Office.Id, stricter with { CorrectionPeriodMax = 8 }, world.Head)).Errors.ShouldHaveSingleItem().Message.ShouldContain("上限不能小于下限");
            (await store.SaveAsync(world.Office.Id, stricter, world.Head)).Succeeded.ShouldBeTrue();
        }
        var request = await world.RegisterAsync("2026-03-02");

        var five = await world.StepAsync(request.Id, new StepInput { Step = RequestStep.RequestCorrection, Date = D("2026-03-05"), Items = "请写明文号", PeriodWorkingDays = 5 });

        five.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("补正期限应为10至30个工作日");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ThirdPartyRefusal_LetterStatesOnlyWhatTheRecordHolds(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var unconsulted = await world.RegisterAsync("2026-03-02");
        await world.StepAsync(unconsulted.Id, new StepInput { Step = RequestStep.Decide, Date = D("2026-03-10"), Outcome = Outcome.DeniedThirdPartyRights, Reason = "涉及个人隐私。" });
        var consulted = await world.RegisterAsync("2026-03-02");
        var letter = (await world.StepAsync(consulted.Id, new StepInput { Step = RequestStep.StartConsultation, Date = D("2026-03-03"), ConsultationKind = ConsultationKind.ThirdParty, Party = "某公司" })).Value!;
        await world.StepAsync(consulted.Id, new StepInput { Step = RequestStep.Deliver, Of = letter.Sequence, DeliveryChannel = DeliveryChannel.InPerson, Date = D("2026-03-03") });
        await world.StepAsync(consulted.Id, new StepInput { Step = RequestStep.EndConsultation, Date = D("2026-03-06"), Party = "某公司", Opinion = "不同意公开", Objects = true });
        (await world.StepAsync(consulted.Id, new StepInput { Step = RequestStep.Decide, Date = D("2026-03-10"), Outcome = Outcome.DeniedThirdPartyRights, Reason = "涉及商业秘密。" })).Succeeded.ShouldBeTrue();

        var plain = (await world.CaseAsync(unconsulted.Id)).Letters[^1].Body;
        var withObjection = (await world.CaseAsync(consulted.Id)).Letters[^1].Body;

        plain.ShouldNotContain("征求");
        plain.ShouldContain("公开会对第三方合法权益造成损害的内容。根据");
        withObjection.ShouldContain("本机关依法征求了第三方意见，第三方不同意公开。");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DisclosureOverObjection_IssuesTheThirdPartyNotice_ToBeDeliveredToIt(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var request = await world.RegisterAsync("2026-03-02");
        var letter = (await world.StepAsync(request.Id, new StepInput { Step = RequestStep.StartConsultation, Date = D("2026-03-03"), ConsultationKind = ConsultationKind.ThirdParty, Party = "青山化工有限公司" })).Value!;
        await world.StepAsync(request.Id, new StepInput { Step = RequestStep.Deliver, Of = letter.Sequence, DeliveryChannel = DeliveryChannel.InPerson, Date = D("2026-03-03") });
        await world.StepAsync(request.Id, new StepInput { Step = RequestStep.EndConsultation, Date = D("2026-03-06"), Opinion = "不同意公开", Objects = true });

        var decided = await world.StepAsync(request.Id, new StepInput { Step = RequestStep.Decide, Date = D("2026-03-10"), Outcome = Outcome.Granted, Reason = "涉及公众健康，不公开可能对公共利益造成重大影响。" });

        decided.Succeeded.ShouldBeTrue();
        var @case = await world.CaseAsync(request.Id);
        var notice = @case.Letters.Single(l => l.Kind == Core.Requests.Letters.LetterKind.ThirdPartyNotice);
        (notice.Addressee, notice.ForApplicant).ShouldBe(("青山化工有限公司", false));
        notice.Body.ShouldContain("决定予以公开");
        notice.Body.ShouldContain("第十五条、第三十二条");
        @case.AwaitingDelivery.Select(a => (a.Letter, a.Party)).ShouldBe([("答复书", null), ("第三方告知书", "青山化工有限公司")]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MassRepeated_OnlyAfterReasons_LetterSaysWhatHappened(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-03-25");
        var request = await world.RegisterAsync("2026-03-02");

        var direct = await world.StepAsync(request.Id, new StepInput { Step = RequestStep.Decide, Date = D("2026-03-03"), Outcome = Outcome.MassRepeated, Reason = "数量明显超过合理范围。" });
        var asked = (await world.StepAsync(request.Id, new StepInput { Step = RequestStep.RequestReasons, Date = D("2026-03-03"), PeriodWorkingDays = 10 })).Value!;
        await world.StepAsync(request.Id, new StepInput { Step = RequestStep.Deliver, Of = asked.Sequence, DeliveryChannel = DeliveryChannel.Post, SentOn = D("2026-03-03"), Date = D("2026-03-05"), Reference = "XA9" });
        var decided = await world.StepAsync(request.Id, new StepInput { Step = RequestStep.Decide, Date = D("2026-03-20"), Outcome = Outcome.MassRepeated, Reason = "申请人一个月内提出同类申请四十余件。" });

        direct.Errors.ShouldHaveSingleItem().Message.ShouldContain("应先要求申请人说明理由（条例第三十五条）");
        decided.Succeeded.ShouldBeTrue();
        var letters = (await world.CaseAsync(request.Id)).Letters;
        letters.ShouldContain(l => l.Kind == Core.Requests.Letters.LetterKind.ReasonsNotice);
        letters[^1].Body.ShouldContain("本机关于2026年3月3日要求您说明理由。您在规定期限内未说明理由。根据");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SplitRequest_CountedOnceAsPartial_ReplyAnswersEachItem(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var request = await world.RegisterAsync("2026-03-02");

        var decided = await world.StepAsync(request.Id, new StepInput
        {
            Step = RequestStep.Decide, Date = D("2026-03-10"),
            DecisionItems = [new("2025年预算", Outcome.Granted, ""), new("常务会议纪要", Outcome.DeniedProcessInformation, "讨论记录"), new(null, null, null)],
        });

        decided.Succeeded.ShouldBeTrue();
        var @case = await world.CaseAsync(request.Id);
        @case.Request.Outcome.ShouldBe(Outcome.PartiallyGranted);
        var body = @case.Letters[^1].Body;
        body.ShouldContain("一、关于“2025年预算”：予以公开。");
        body.ShouldContain("二、关于“常务会议纪要”：不予公开（属于四类过程性信息）。讨论记录。依据：");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OnlineRequest_ConfirmedBeforeItWasSubmitted_Refused(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-03-20");
        await using var scope = world.Database.Scope();
        var submitted = await scope.ServiceProvider.GetRequiredService<RequestIntake>().SubmitAsync(Application(world.Office.Id), [
            new Upload(new MemoryStream(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGO4AwAAtgC1KWnr2AAAAABJRU5ErkJggg==")), "id.png", AttachmentKind.IdentityProof),
        ], null, Core.Audit.AuditActor.System);

        var early = await world.StepAsync(submitted.Value!.Id, new StepInput { Step = RequestStep.Receive, Date = D("2026-03-19") });

        early.Errors.ShouldHaveSingleItem().Message.ShouldBe("收到申请之日（2026-03-19）不能早于申请提交之日（2026-03-20）");
    }
}
