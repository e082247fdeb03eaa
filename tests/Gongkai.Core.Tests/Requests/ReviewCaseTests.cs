using Gongkai.Core.Requests;
using Gongkai.Core.Requests.Reminders;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Requests;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.RequestsWorld;

namespace Gongkai.Core.Tests.Requests;

/// <summary>
/// Issue 14 row 5 and issue 10 part 5: reviews and lawsuits are cases of their own — linked to a request when
/// there is one, a 复议后起诉 to its review — with the answer's due date, in the staff reminders, and in table 四.
/// </summary>
public sealed class ReviewCaseTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReviewCase_WithoutARequest_CountsInTableFourAndALawsuitAfterItLinksToIt(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-11-20");
        await using var scope = world.Database.Scope();
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var complaint = new ReviewInput
        {
            Kind = ReviewKind.Review, Subject = "认为本机关未依法主动公开停车收费标准", ApplicantName = "刘建国", FiledOn = D("2026-03-02"),
            CopyReceivedOn = D("2026-03-06"), AnsweredOn = D("2026-03-16"), Authority = "示范市人民政府", CaseNumber = "示政复〔2026〕7号",
            Result = ReviewResult.Upheld, ConcludedOn = D("2026-04-30"),
        };

        var review = Ok(await reviews.SaveAsync(null, complaint, world.Handler));
        var lawsuit = Ok(await reviews.SaveAsync(null, new ReviewInput
        {
            Kind = ReviewKind.LitigationAfterReview, ReviewOfId = review.Id, FiledOn = D("2026-05-12"), CopyReceivedOn = D("2026-05-20"),
            Authority = "示范市中级人民法院", Result = ReviewResult.Pending,
        }, world.Handler));
        var noSubject = await reviews.SaveAsync(null, complaint with { Subject = " " }, world.Handler);
        var wrongLink = await reviews.SaveAsync(null, complaint with { ReviewOfId = lawsuit.Id }, world.Handler);
        var reviewer = await reviews.SaveAsync(null, complaint, world.Handler with { Roles = [Core.Accounts.Roles.Reviewer] });
        var view = (await reviews.FindAsync(review.Id, world.Handler.Scope))!;
        var followed = (await reviews.FindAsync(lawsuit.Id, world.Handler.Scope))!;
        var table = await scope.ServiceProvider.GetRequiredService<RequestStatistics>().TableFourAsync(world.Office.Id, 2026);

        review.RequestId.ShouldBeNull();
        review.AgencyId.ShouldBe(world.Office.Id);
        lawsuit.ReviewOfId.ShouldBe(review.Id);
        (lawsuit.Subject, lawsuit.ApplicantName).ShouldBe((review.Subject, review.ApplicantName), "taken from the review it follows");
        view.FollowedBy.Select(f => f.Id).ShouldBe([lawsuit.Id]);
        followed.ReviewOf!.Id.ShouldBe(review.Id);
        view.AnswerDue!.Due.ShouldBe(D("2026-03-20"), "10 working days after 2026-03-06");
        followed.AnswerDue!.Due.ShouldBe(D("2026-06-04"), "15 days after 2026-05-20");
        Row(table, "review").ShouldBe([1, 0, 0, 0, 1]);
        Row(table, "litigationAfterReview").ShouldBe([0, 0, 0, 1, 1]);
        noSubject.Errors.ShouldHaveSingleItem().Message.ShouldBe("未关联申请的案件，请填写事由（如“未依法主动公开……”）。");
        wrongLink.Errors.Select(e => e.Message).ShouldContain("只有“复议后起诉”的案件关联其行政复议案件。");
        reviewer.Errors.ShouldHaveSingleItem().Message.ShouldBe("只有本机关的承办人或公开办负责人可以登记复议、诉讼案件。");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReviewCase_AwaitingTheAnswer_InTheStaffRemindersWithItsDueDate(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-09-30");
        var request = await world.RegisterAsync("2026-06-01");
        (await world.StepAsync(request.Id, new StepInput { Step = RequestStep.Decide, Date = D("2026-06-10"), Outcome = Outcome.DeniedProcessInformation, Reason = "过程性信息" }))
            .Succeeded.ShouldBeTrue();
        (await world.StepAsync(request.Id, new StepInput { Step = RequestStep.Deliver, DeliveryChannel = DeliveryChannel.InPerson, Date = D("2026-06-11") })).Succeeded.ShouldBeTrue();
        await using var scope = world.Database.Scope();
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var saved = Ok(await reviews.SaveAsync(null, new ReviewInput
        {
            RequestId = request.Id, Kind = ReviewKind.Review, FiledOn = D("2026-09-21"), CopyReceivedOn = D("2026-09-28"),
            Authority = "示范市人民政府", Result = ReviewResult.Pending,
        }, world.Handler));
        Ok(await reviews.SaveAsync(null, new ReviewInput
        {
            RequestId = request.Id, Kind = ReviewKind.Review, FiledOn = D("2026-07-01"), CopyReceivedOn = D("2026-07-06"), AnsweredOn = D("2026-07-10"),
            Authority = "示范市人民政府", Result = ReviewResult.Pending,
        }, world.Handler));

        var reminders = await scope.ServiceProvider.GetRequiredService<RequestReminders>().ForAsync(world.Head.Audit.Id!.Value, world.Office.Id, world.Head.Roles);

        saved.Subject.ShouldBe(ReviewCases.RequestSubject);
        saved.ApplicantName.ShouldBe(request.ApplicantName);
        reminders.Reviews.ShouldHaveSingleItem().Case.Id.ShouldBe(saved.Id, "the answered one needs nothing");
        reminders.Reviews[0].AnswerDue!.Due.ShouldBe(D("2026-10-16"), "国庆 skipped, the 调休 Saturday counted");
        reminders.Count.ShouldBe(1);
    }

    private static ReviewCaseRecord Ok(Core.Result<ReviewCaseRecord> result) =>
        result.Value ?? throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));

    private static decimal[] Row(Domain.Reports.StatTable table, string key) => [.. table[key]!.Select(c => c.Value!.Value)];
}
