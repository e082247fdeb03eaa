using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Requests;

/// <summary>The demo region's year of requests: every state of the queue, every outcome of table 三, reviews and lawsuits (linked to requests and to each other, or on their own).</summary>
public sealed class RequestDemoTests
{
    [Fact]
    public async Task Seed_DemoRequests_EveryStateEveryOutcomeAndReviews()
    {
        await using var database = await TestDatabase.CreateDemoAsync();
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();

        var requests = await db.Requests.AsNoTracking().ToListAsync();
        var reviews = await db.ReviewCases.AsNoTracking().ToListAsync();

        requests.Select(r => r.Status).Distinct().ShouldBe(Enum.GetValues<RequestStatus>(), ignoreOrder: true);
        requests.Where(r => r.Status == RequestStatus.Closed).Select(r => r.Outcome!.Value).Distinct()
            .ShouldBe(Enum.GetValues<Outcome>(), ignoreOrder: true);
        requests.Where(r => r.Status == RequestStatus.Closed).ShouldAllBe(r => r.Outcome != null);
        requests.Where(r => r.Status != RequestStatus.Closed && r.Status != RequestStatus.Decided).ShouldAllBe(r => r.Outcome == null);
        requests.Select(r => r.ApplicantType).Distinct().Count().ShouldBeGreaterThan(1);
        reviews.Select(r => r.Kind).Distinct().ShouldBe(Enum.GetValues<ReviewKind>(), ignoreOrder: true);
        reviews.Select(r => r.Result).Distinct().Count().ShouldBeGreaterThan(2);
        reviews.Where(r => r.RequestId != null).ShouldAllBe(r => requests.Any(q => q.Id == r.RequestId));
        reviews.ShouldContain(r => r.RequestId == null, "a complaint about proactive disclosure is a case of its own");
        reviews.Where(r => r.ReviewOfId != null).ShouldAllBe(r => r.Kind == ReviewKind.LitigationAfterReview
            && reviews.Single(v => v.Id == r.ReviewOfId).Kind == ReviewKind.Review);
        reviews.ShouldContain(r => r.ReviewOfId != null);
    }
}
