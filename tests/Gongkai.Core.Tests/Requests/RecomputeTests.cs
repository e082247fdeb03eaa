using Gongkai.Core.Audit;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.RequestsWorld;

namespace Gongkai.Core.Tests.Requests;

public sealed class RecomputeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Recompute_DerivedColumnsOutOfStep_PutRightFromTheHistory(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var tampered = await world.RegisterAsync("2026-03-02");
        var fine = await world.RegisterAsync("2026-03-03");
        await using (var scope = world.Database.Scope())
            await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Database
                .ExecuteSqlAsync($"UPDATE requests SET status = 'Closed', outcome = 'Granted', received_on = NULL WHERE id = {tampered.Id}");

        await using var run = world.Database.Scope();
        var report = await run.ServiceProvider.GetRequiredService<RequestRecompute>().RunAsync(AuditActor.System);

        report.Checked.ShouldBe(2);
        report.Corrected.ShouldBe([tampered.Number]);
        var request = await run.ServiceProvider.GetRequiredService<GongkaiDbContext>().Requests.AsNoTracking().SingleAsync(r => r.Id == tampered.Id);
        (request.Status, request.Outcome, request.ReceivedOn).ShouldBe((RequestStatus.Processing, (Outcome?)null, D("2026-03-02")));
        (await world.CaseAsync(fine.Id)).Request.Version.ShouldBe(fine.Version);
    }
}
