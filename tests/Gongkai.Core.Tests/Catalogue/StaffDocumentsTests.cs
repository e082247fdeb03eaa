using Gongkai.Core.Catalogue;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Catalogue;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Catalogue;

public sealed class StaffDocumentsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListAsync_DraftPastTwentyWorkingDays_FlaggedOverdue(DatabaseProvider provider)
    {
        // Created on 2026-02-10: due 2026-03-16 after the Spring Festival holiday.
        var clock = new ManualClock(new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.FromHours(8)));
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        var world = await CatalogueWorld.CreateAsync(database);
        var late = await world.DraftAsync(world.Input("迟迟未发布的草稿"));
        var inReview = await world.ApprovedAsync(world.Input("审查通过但未发布"));
        await world.PublishedAsync("按时发布");
        clock.Now = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));
        var recent = await world.DraftAsync(world.Input("新草稿"));
        var other = await CatalogueWorld.CreateAsync(database, "别的机关");
        await other.DraftAsync(other.Input("别的机关的草稿"));
        clock.Now = new DateTimeOffset(2026, 3, 17, 9, 0, 0, TimeSpan.FromHours(8));
        await using var scope = database.Scope();
        var staff = scope.ServiceProvider.GetRequiredService<StaffDocuments>();

        var pending = await staff.ListAsync(world.Handler, StaffView.Pending, null, 1);
        var overdue = await staff.ListAsync(world.Handler, StaffView.Overdue, null, 1);

        pending.Rows.Select(r => (r.Id, r.Deadline!.Value.IsOverdue)).ShouldBe([(late.Id, true), (inReview.Id, true), (recent.Id, false)]);
        pending.Rows[0].Deadline!.Value.ShouldBe(new PublishDeadline(new DateOnly(2026, 3, 16), true, 1));
        overdue.Rows.Select(r => r.Id).ShouldBe([late.Id, inReview.Id]);
        overdue.Counts[StaffView.Overdue].ShouldBe(2);
        overdue.Counts[StaffView.Published].ShouldBe(1);
    }
}
