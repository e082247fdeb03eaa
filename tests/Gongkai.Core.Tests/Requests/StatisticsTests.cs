using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Requests;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.RequestsWorld;

namespace Gongkai.Core.Tests.Requests;

/// <summary>The year-end carry and the figures of tables 三 and 四, from requests taken through their steps.</summary>
public sealed class StatisticsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task YearEnd_OpenOn31December_CarriedForwardAndNextYearsCarriedOver(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-01-20");
        var decidedInDecember = await world.RegisterAsync("2025-12-01");
        var openAtYearEnd = await world.RegisterAsync("2025-12-22");
        var decidedInJanuary = await world.RegisterAsync("2025-12-29");
        await world.RegisterAsync("2026-01-05");
        var organisation = await world.RegisterAsync("2025-12-10", Application(world.Office.Id) with
        {
            ApplicantType = ApplicantType.LegalServiceProvider, ApplicantName = "示范市明达律师事务所", IdentityDocument = IdentityDocument.CreditCode,
            IdentityNumber = Domain.Agencies.CreditCode.Complete("31990100MA003K000"), LegalRepresentative = "林志远", ContactName = "林志远",
        });
        await Decide(world, decidedInDecember.Id, "2025-12-15", Outcome.Granted);
        await Decide(world, organisation.Id, "2025-12-31", Outcome.NotHeld);
        await Decide(world, decidedInJanuary.Id, "2026-01-12", Outcome.PartiallyGranted);
        await using var scope = world.Database.Scope();
        var statistics = scope.ServiceProvider.GetRequiredService<RequestStatistics>();

        var y2025 = await statistics.TableThreeAsync(world.Office.Id, 2025);
        var y2026 = await statistics.TableThreeAsync(world.Office.Id, 2026);
        var carried = await statistics.CarriedForwardAsync(world.Office.Id, 2025);

        Row(y2025, "newReceived").ShouldBe([3, 0, 0, 0, 1, 0, 4]);
        Row(y2025, "results.granted").ShouldBe([1, 0, 0, 0, 0, 0, 1]);
        Row(y2025, "results.unavailable.notHeld").ShouldBe([0, 0, 0, 0, 1, 0, 1]);
        Row(y2025, "carriedForward").ShouldBe([2, 0, 0, 0, 0, 0, 2]);
        carried.Select(r => r.Id).ShouldBe([openAtYearEnd.Id, decidedInJanuary.Id]);
        Row(y2026, "carriedOver").ShouldBe(Row(y2025, "carriedForward"));
        Row(y2026, "newReceived").ShouldBe([1, 0, 0, 0, 0, 0, 1]);
        Row(y2026, "results.partiallyGranted").ShouldBe([1, 0, 0, 0, 0, 0, 1]);
        Row(y2026, "carriedForward").ShouldBe([2, 0, 0, 0, 0, 0, 2]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TableFour_ReviewsAndLawsuitsOfTheAgency(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-11-20");
        var request = await world.RegisterAsync("2026-03-02");
        await Decide(world, request.Id, "2026-03-10", Outcome.DeniedProcessInformation, "属于过程性信息");
        await using var scope = world.Database.Scope();
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewService>();
        async Task Save(ReviewKind kind, string filed, ReviewResult result, string? concluded) =>
            (await reviews.SaveAsync(null, new ReviewInput
            {
                RequestId = request.Id, Kind = kind, FiledOn = D(filed), Result = result, ConcludedOn = concluded is null ? null : D(concluded), Authority = "示范市人民政府",
            }, world.Handler)).Succeeded.ShouldBeTrue();
        await Save(ReviewKind.Review, "2026-04-01", ReviewResult.Upheld, "2026-05-20");
        await Save(ReviewKind.LitigationAfterReview, "2026-06-01", ReviewResult.Pending, null);
        var refused = await reviews.SaveAsync(null, new ReviewInput
        {
            RequestId = request.Id, Kind = ReviewKind.Review, FiledOn = D("2026-04-01"), Result = ReviewResult.Corrected, Authority = "示范市人民政府",
        }, world.Handler);

        var table = await scope.ServiceProvider.GetRequiredService<RequestStatistics>().TableFourAsync(world.Office.Id, 2026);

        Row(table, "review").ShouldBe([1, 0, 0, 0, 1]);
        Row(table, "litigationWithoutReview").ShouldBe([0, 0, 0, 0, 0]);
        Row(table, "litigationAfterReview").ShouldBe([0, 0, 0, 1, 1]);
        refused.Errors.ShouldHaveSingleItem().Message.ShouldBe("已审结的案件应填写审结日期。");
        (await scope.ServiceProvider.GetRequiredService<RequestStatistics>().TableFourAsync(world.Police.Id, 2026))["review"]!.Last().Value.ShouldBe(0);
    }

    private static async Task Decide(RequestsWorld world, int id, string date, Outcome outcome, string reason = "理由") =>
        (await world.StepAsync(id, new StepInput { Step = RequestStep.Decide, Date = D(date), Outcome = outcome, Reason = reason })).Succeeded.ShouldBeTrue();

    private static decimal[] Row(Domain.Reports.StatTable table, string key) => [.. table[key]!.Select(c => c.Value!.Value)];
}
