using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.RequestsWorld;

namespace Gongkai.Core.Tests.Requests;

public sealed class RequestRulesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnotherAgencysRequest_ById_NotFound(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var request = await world.RegisterAsync("2026-03-02");
        await using var scope = world.Database.Scope();

        (await scope.ServiceProvider.GetRequiredService<RequestCases>().FindAsync(request.Id, world.PoliceHandler.Scope)).ShouldBeNull();
        await Should.ThrowAsync<KeyNotFoundException>(() => scope.ServiceProvider.GetRequiredService<RequestCommands>()
            .PerformAsync(request.Id, new StepInput { Step = RequestStep.Decide, Version = 2, Date = D("2026-03-05"), Outcome = Outcome.Granted }, world.PoliceHandler, []));
        var queue = await scope.ServiceProvider.GetRequiredService<RequestQueue>().ListAsync(world.PoliceHandler, new QueueFilter());
        queue.Rows.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Extend_ByHandler_RefusedAndAskedInstead_ByHead_Extends(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var request = await world.RegisterAsync("2026-03-02");
        var extend = new StepInput { Step = RequestStep.Extend, Date = D("2026-03-20"), WorkingDays = 10, Reason = "需要调取档案" };

        var byHandler = await world.StepAsync(request.Id, extend);
        await using (var scope = world.Database.Scope())
            (await scope.ServiceProvider.GetRequiredService<RequestCommands>().AskExtensionAsync(request.Id, await world.VersionAsync(request.Id), 10, "需要调取档案", world.Handler))
                .Succeeded.ShouldBeTrue();
        var byHead = await world.StepAsync(request.Id, extend, world.Head);

        byHandler.Errors.ShouldHaveSingleItem().Message.ShouldContain("公开办负责人");
        byHead.Succeeded.ShouldBeTrue();
        var @case = await world.CaseAsync(request.Id);
        @case.Clock.AnswerDue.ShouldBe(D("2026-04-14"), "10 more working days, 清明 4–6 April skipped");
        ((Extended)@case.History[^1].ToEvent()).ApprovedBy.ShouldBe("李秀梅（head）");
        @case.Request.ExtensionRequestedDays.ShouldBeNull("the head's decision clears the handler's request");
        @case.Letters[^1].Body.ShouldContain("答复期限延长10个工作日，本机关将于2026年4月14日前作出答复");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IllegalStep_RefusedWithTheRuleAndNothingRecorded(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var request = await world.RegisterAsync("2026-02-10");

        var late = await world.StepAsync(request.Id, new StepInput { Step = RequestStep.RequestCorrection, Date = D("2026-02-27"), Items = "请写明文号", PeriodWorkingDays = 10 });
        var future = await world.StepAsync(request.Id, new StepInput { Step = RequestStep.Decide, Date = D("2026-03-21"), Outcome = Outcome.Granted });
        var deliverFirst = await world.StepAsync(request.Id, new StepInput { Step = RequestStep.Deliver, Date = D("2026-03-02"), DeliveryChannel = DeliveryChannel.Post, Reference = "XA1" });

        late.Errors.ShouldHaveSingleItem().Message.ShouldBe("补正告知应在收到申请之日起7个工作日内发出，即不晚于2026-02-26（条例第三十条）");
        future.Errors.ShouldHaveSingleItem().Message.ShouldBe("日期不能晚于今天（2026-03-20）。");
        deliverFirst.Errors.ShouldHaveSingleItem().Message.ShouldBe("当前状态为“办理中”，不能登记送达");
        (await world.CaseAsync(request.Id)).History.Count.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Transfer_ToAnAgencyOnThePlatform_OpensALinkedRequestThere(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var request = await world.RegisterAsync("2026-03-02");

        var transferred = await world.StepAsync(request.Id, new StepInput { Step = RequestStep.Transfer, Date = D("2026-03-05"), CompetentAgencyId = world.Police.Id });

        transferred.Succeeded.ShouldBeTrue();
        var @case = await world.CaseAsync(request.Id);
        @case.Request.Outcome.ShouldBe(Outcome.NotHeld);
        @case.Request.CompetentAgencyName.ShouldBe("示范市公安局");
        var linked = @case.TransferredTo.ShouldHaveSingleItem();
        (linked.AgencyName, linked.Status).ShouldBe(("示范市公安局", RequestStatus.Submitted));
        var there = await world.CaseAsync(linked.Id, world.PoliceHandler);
        there.TransferredFrom!.Id.ShouldBe(request.Id);
        there.Request.ApplicantName.ShouldBe("张三");
        @case.Letters[^1].Body.ShouldContain("告知您该政府信息由示范市公安局负责公开");
        @case.Letters[^1].Body.ShouldContain("新的查询码 " + there.Request.TrackingCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PerRequestFee_EleventhRequestOfTheApplicantsMonth_Charged(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var ids = new List<int>();
        for (var i = 0; i < 11; i++)
            ids.Add((await world.RegisterAsync("2026-03-02", Application(world.Office.Id, $"请公开第{i + 1}号文件的全文。"))).Id);
        var other = await world.RegisterAsync("2026-03-02", Application(world.Office.Id, "请公开某文件。", name: "李四", phone: "13900000001", id: "110102198506120035"));

        var tenth = await world.StepAsync(ids[9], new StepInput { Step = RequestStep.NotifyFee, Date = D("2026-03-03"), FeeBasis = FeeBasis.PerRequest });
        var eleventh = await world.StepAsync(ids[10], new StepInput { Step = RequestStep.NotifyFee, Date = D("2026-03-03"), FeeBasis = FeeBasis.PerRequest });
        var someoneElse = await world.StepAsync(other.Id, new StepInput { Step = RequestStep.NotifyFee, Date = D("2026-03-03"), FeeBasis = FeeBasis.PerRequest });

        tenth.Errors.ShouldHaveSingleItem().Message.ShouldContain("第10件申请，按件计收不收费");
        eleventh.Succeeded.ShouldBeTrue();
        var fee = (await world.CaseAsync(ids[10])).Clock.Fee!;
        (fee.Quantity, fee.Amount).ShouldBe((11, 100m));
        someoneElse.Errors.ShouldHaveSingleItem().Message.ShouldContain("第1件申请");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Duplicates_SameApplicantSimilarInformation_Found(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var first = await world.RegisterAsync("2026-03-02", Application(world.Office.Id, "请公开示范市2025年老旧小区改造项目清单。"));
        await world.RegisterAsync("2026-03-02", Application(world.Office.Id, "请公开示范市2025年财政预算执行情况报告。"));
        await world.RegisterAsync("2026-03-02", Application(world.Office.Id, "请公开示范市2025年老旧小区改造项目清单。", name: "李四", phone: "13900000001", id: "E12345678") with { IdentityDocument = IdentityDocument.Passport });
        await using var scope = world.Database.Scope();

        var found = await scope.ServiceProvider.GetRequiredService<DuplicateFinder>().FindAsync(world.Office.Id, "11010519491231002x", "张三", "138-0000-0000",
            "请公开 2025 年示范市老旧小区改造的项目清单");

        found.ShouldHaveSingleItem().Id.ShouldBe(first.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Queue_SortedByUrgency_WithWarnings(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-03-27");
        var overdue = await world.RegisterAsync("2026-02-10");  // due 2026-03-16
        var dueSoon = await world.RegisterAsync("2026-03-02");  // due 2026-03-30: one working day left
        var fresh = await world.RegisterAsync("2026-03-25");
        await using var scope = world.Database.Scope();

        var page = await scope.ServiceProvider.GetRequiredService<RequestQueue>().ListAsync(world.Handler, new QueueFilter());

        page.Rows.Select(r => r.Id).ShouldBe([overdue.Id, dueSoon.Id, fresh.Id]);
        page.Rows.Select(r => r.Attention).ShouldBe([Attention.Overdue, Attention.DueSoon, Attention.None]);
        page.Rows[1].RemainingWorkingDays.ShouldBe(1);
        page.Rows[0].Date.ShouldBe(D("2026-03-16"));
    }
}
