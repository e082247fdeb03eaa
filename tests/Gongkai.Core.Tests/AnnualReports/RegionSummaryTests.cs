using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Audit;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.AnnualReports;

/// <summary>区域汇总: the city's summary over its departments' reports, and its own report checked against the sum.</summary>
public sealed class RegionSummaryTests
{
    [Fact]
    public async Task Summary_OfTheDepartments_SumsTheirReportsAndChecksTheCitysOwn()
    {
        await using var world = await RequestsWorld.CreateAsync(DatabaseProvider.Sqlite, today: "2026-03-20");
        await world.RegisterAsync("2025-05-06");
        await world.RegisterAsync("2025-07-01");
        await using var scope = world.Database.Scope();
        var reports = scope.ServiceProvider.GetRequiredService<AnnualReportService>();
        var cityHead = new RequestActor(AuditActor.System, world.City.Id, [Roles.OfficeHead], AgencyScope.Everything);
        var police = new RequestActor(AuditActor.System, world.Police.Id, [Roles.OfficeHead], AgencyScope.Everything);
        (await reports.GenerateAsync(world.Office.Id, 2025, false, world.Head)).Succeeded.ShouldBeTrue();
        (await reports.GenerateAsync(world.Police.Id, 2025, false, police)).Succeeded.ShouldBeTrue();
        (await reports.GenerateAsync(world.City.Id, 2025, false, cityHead)).Succeeded.ShouldBeTrue();

        var summary = await scope.ServiceProvider.GetRequiredService<RegionSummary>().ForAsync(world.City.Id, 2025, null, AgencyScope.Everything);

        summary.Units.Select(u => (u.Agency.Name, u.Chosen)).ShouldBe([("示范市人民政府办公室", true), ("示范市公安局", true)]);
        summary.Sum!.Requests.Value("newReceived", 6).ShouldBe(2m);
        summary.SumFindings.ShouldBeEmpty();
        summary.RegionFindings.Where(f => f.Rule == Rules.RegionSum).SelectMany(f => f.Cells)
            .ShouldBe(["requests.newReceived.naturalPerson", "requests.newReceived.total", "requests.carriedForward.naturalPerson", "requests.carriedForward.total"]);

        var onlyPolice = await scope.ServiceProvider.GetRequiredService<RegionSummary>().ForAsync(world.City.Id, 2025, [world.Police.Id], AgencyScope.Everything);
        onlyPolice.Sum!.Requests.Value("newReceived", 6).ShouldBe(0m);
        onlyPolice.RegionFindings.ShouldBeEmpty();
    }
}
