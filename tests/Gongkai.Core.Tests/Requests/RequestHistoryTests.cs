using Gongkai.Core.Calendar;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.RequestsWorld;

namespace Gongkai.Core.Tests.Requests;

public sealed class RequestHistoryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Database_UpdateOrDeleteOfAStep_Refused(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var request = await world.RegisterAsync("2026-03-02");
        await using var scope = world.Database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();

        var update = await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE request_events SET date = '2026-03-01'"));
        var delete = await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM request_events"));

        update.Message.ShouldContain("append-only");
        delete.Message.ShouldContain("append-only");
        (await db.RequestEvents.AsNoTracking().SingleAsync(e => e.RequestId == request.Id)).Date.ShouldBe(D("2026-03-02"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Steps_RecordedWithLegalDateWhoAndWhen_AndDerivedColumnsFollow(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var request = await world.RegisterAsync("2026-03-02");
        (await world.StepAsync(request.Id, new StepInput { Step = RequestStep.Decide, Date = D("2026-03-19"), Outcome = Outcome.PartiallyGranted, Reason = "部分涉及个人隐私" })).Succeeded.ShouldBeTrue();

        var @case = await world.CaseAsync(request.Id);

        @case.History.Select(h => (h.Sequence, h.Kind, h.Date)).ShouldBe([(1, "Received", D("2026-03-02")), (2, "Decided", D("2026-03-19"))]);
        @case.History[1].RecordedByName.ShouldBe("王志强（handler）");
        @case.AssigneeName.ShouldBe("王志强", "the handler who registers it handles it");
        @case.History[1].RecordedAt.ShouldBe(world.Clock.Now.UtcDateTime);
        @case.Request.Status.ShouldBe(RequestStatus.Decided);
        @case.Request.Outcome.ShouldBe(Outcome.PartiallyGranted);
        (@case.Request.ReceivedOn, @case.Request.DecidedOn).ShouldBe((D("2026-03-02"), D("2026-03-19")));
        @case.Letters.Select(l => l.Kind).ShouldBe([Core.Requests.Letters.LetterKind.Acknowledgement, Core.Requests.Letters.LetterKind.Reply]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CalendarEdit_MovesTheRunningDueDate(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var request = await world.RegisterAsync("2026-03-02");
        (await world.CaseAsync(request.Id)).Clock.AnswerDue.ShouldBe(D("2026-03-30"));

        await using (var scope = world.Database.Scope())
        {
            var calendars = scope.ServiceProvider.GetRequiredService<CalendarStore>();
            var layer = await calendars.CreateLayerAsync(world.City.Id, Core.Audit.AuditActor.System);
            (await calendars.SetDayAsync(layer.Id, D("2026-03-16"), DayKind.RestDay, "本市防汛放假", Core.Audit.AuditActor.System)).Succeeded.ShouldBeTrue();
        }

        var after = await world.CaseAsync(request.Id);
        after.Clock.AnswerDue.ShouldBe(D("2026-03-31"), "the office is below the city, so the city's layer applies");
        after.Deadlines[0].Explanation.ShouldContain(l => l.Contains("本市防汛放假"));
        (await world.CaseAsync(await RegisterAtPoliceAsync(world), world.PoliceHandler)).Clock.AnswerDue.ShouldBe(D("2026-03-31"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportShippedYears_OnceThenNothing_AndTheStoredCalendarIsTheShippedOne(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        await using var scope = world.Database.Scope();
        var calendars = scope.ServiceProvider.GetRequiredService<CalendarStore>();

        var first = await calendars.ImportShippedYearsAsync(Core.Audit.AuditActor.System);
        var second = await calendars.ImportShippedYearsAsync(Core.Audit.AuditActor.System);

        first.ShouldBe([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
        second.ShouldBeEmpty();
        var national = await calendars.NationalAsync();
        national.AddWorkingDays(D("2026-02-10"), 20).ShouldBe(D("2026-03-16"));
        national.IsConfirmed(2027).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CalendarEdit_MakingARecordedStepLate_KeepsTheHistoryAndShowsTheIrregularity(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-03-20");
        var request = await world.RegisterAsync("2026-02-10");
        (await world.StepAsync(request.Id, new StepInput { Step = RequestStep.RequestCorrection, Date = D("2026-02-26"), Items = "请写明文号", PeriodWorkingDays = 10 }))
            .Succeeded.ShouldBeTrue();

        await using (var scope = world.Database.Scope())
        {
            var calendars = scope.ServiceProvider.GetRequiredService<CalendarStore>();
            var layer = await calendars.CreateLayerAsync(world.City.Id, Core.Audit.AuditActor.System);
            await calendars.SetDayAsync(layer.Id, D("2026-02-16"), DayKind.WorkingDay, "本市调整", Core.Audit.AuditActor.System);
        }

        var @case = await world.CaseAsync(request.Id);
        @case.Clock.Status.ShouldBe(RequestStatus.AwaitingCorrection);
        @case.Clock.Irregularities.ShouldHaveSingleItem().ShouldContain("不晚于2026-02-25");
    }

    private static async Task<int> RegisterAtPoliceAsync(RequestsWorld world)
    {
        await using var scope = world.Database.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<RequestIntake>().RegisterAsync(Application(world.Police.Id),
            new RegistrationInput { Channel = Channel.Post, ReceivedOn = D("2026-03-02") }, [], world.PoliceHandler);
        return result.Value!.Id;
    }
}
