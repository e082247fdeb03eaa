using System.Text;
using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Audit;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Requests;
using Gongkai.Reports.Formats;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.RequestsWorld;

namespace Gongkai.Core.Tests.AnnualReports;

/// <summary>
/// Issue 14 row 1: a people's government's report is its government's — its own requests plus the reports of the
/// units its scope names (its departments and 办公室 by default, a subordinate government when it so decides),
/// with no unit counted twice; the region summary of any selection shows no error the data does not contain.
/// </summary>
public sealed class RegionSummaryTests
{
    /// <summary>The city (its own request), its office (2), its police (1), and 明德区 (1) with its land bureau (1), all 2025.</summary>
    private sealed record Region(RequestsWorld World, Agency District, Agency DistrictLand, RequestActor CityHead, RequestActor Admin);

    private static async Task<Region> RegionAsync(DatabaseProvider provider)
    {
        var world = await CreateAsync(provider, today: "2026-03-20");
        await using var scope = world.Database.Scope();
        var agencies = scope.ServiceProvider.GetRequiredService<AgencyService>();
        var district = await Support.Agencies.CreateAsync(agencies, "示范市明德区人民政府", AgencyLevel.County, world.City.Id);
        var land = await Support.Agencies.CreateAsync(agencies, "示范市明德区自然资源局", AgencyLevel.Department, district.Id);
        var region = new Region(world, district, land, Actor(world.City.Id, Roles.OfficeHead),
            new RequestActor(AuditActor.System, null, [Roles.Admin], AgencyScope.Everything));
        await RegisterAsync(world, world.City.Id, "2025-04-01");
        await world.RegisterAsync("2025-05-06");
        await world.RegisterAsync("2025-07-01");
        await RegisterAsync(world, world.Police.Id, "2025-08-04");
        await RegisterAsync(world, district.Id, "2025-09-01");
        await RegisterAsync(world, land.Id, "2025-10-09");
        return region;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GovernmentReport_IsItsOwnRequestsPlusTheReportsOfTheUnitsItsScopeNames(DatabaseProvider provider)
    {
        var (world, district, land, cityHead, admin) = await RegionAsync(provider);
        await using var _ = world;
        await using var scope = world.Database.Scope();
        var reports = scope.ServiceProvider.GetRequiredService<AnnualReportService>();
        var scopes = scope.ServiceProvider.GetRequiredService<ReportScopes>();

        var byDefault = Ok(await reports.GenerateAsync(world.City.Id, 2025, false, cityHead));
        var defaultView = (await reports.FindAsync(AgencyScope.Everything, byDefault.Id))!;
        var refused = await scopes.SaveAsync(world.City.Id, [land.Id], admin);
        (await scopes.SaveAsync(world.City.Id, [world.Office.Id, district.Id], admin)).Succeeded.ShouldBeTrue();
        (await scopes.SaveAsync(district.Id, [land.Id], admin)).Succeeded.ShouldBeTrue();
        var chosen = Ok(await reports.GenerateAsync(world.City.Id, 2025, false, cityHead));
        var chosenView = (await reports.FindAsync(AgencyScope.Everything, chosen.Id))!;

        // By default: the city's own request, the office's two, the police's one; not the district.
        defaultView.Units.Select(u => u.Name).ShouldBe(["示范市人民政府办公室", "示范市公安局"]);
        defaultView.Report.Requests.Value("newReceived", 6).ShouldBe(4m);
        defaultView.Live!.Own.Requests.Value("newReceived", 6).ShouldBe(1m);
        defaultView.Report.Section(0)!.Text.ShouldContain("本报告统计数据包括示范市人民政府本级和示范市人民政府办公室、示范市公安局共2个单位的情况。");
        defaultView.Findings.Where(f => f.Severity == Domain.Reports.Severity.Error).ShouldBeEmpty();
        refused.Errors.ShouldHaveSingleItem().Message.ShouldBe("只能选择本级人民政府直属的单位。");
        // As decided: the office and the district, whose report is its own request and its land bureau's.
        chosenView.Units.Select(u => u.Name).ShouldBe(["示范市人民政府办公室", "示范市明德区人民政府"]);
        chosenView.Report.Requests.Value("newReceived", 6).ShouldBe(5m);
        chosenView.Live!.Units.Single(u => u.Agency.Id == district.Id).Report.Requests.Value("newReceived", 6).ShouldBe(2m);
        chosenView.Drift.ShouldBeEmpty();
        chosenView.Findings.Where(f => f.Rule == Rules.RegionSum).ShouldBeEmpty();
        var current = await reports.CurrentAsync(world.City, 2025);
        current.Units.Select(u => u.Code).ShouldBe([world.Office.OrganizationCode, district.OrganizationCode]);
        current.Report.Requests.Value("newReceived", 6).ShouldBe(chosenView.Report.Requests.Value("newReceived", 6));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegionSummary_AnySelection_ShowsNoErrorTheDataDoesNotContainAndCountsNoUnitTwice(DatabaseProvider provider)
    {
        var (world, district, land, cityHead, admin) = await RegionAsync(provider);
        await using var _ = world;
        await using (var setup = world.Database.Scope())
        {
            (await setup.ServiceProvider.GetRequiredService<ReportScopes>().SaveAsync(district.Id, [land.Id], admin)).Succeeded.ShouldBeTrue();
            var reports = setup.ServiceProvider.GetRequiredService<AnnualReportService>();
            var city = Ok(await reports.GenerateAsync(world.City.Id, 2025, false, cityHead));
            Ok(await reports.PublishAsync(city.Id, city.Version, null, cityHead));
        }

        async Task<RegionSummaryView> Summary(IReadOnlyCollection<int>? chosen)
        {
            await using var scope = world.Database.Scope();
            return await scope.ServiceProvider.GetRequiredService<RegionSummary>().ForAsync(world.City.Id, 2025, chosen, AgencyScope.Everything);
        }
        var byDefault = await Summary(null);
        var selections = new[]
        {
            new[] { world.Police.Id }, [world.City.Id], [district.Id, land.Id], [world.City.Id, world.Office.Id, world.Police.Id, district.Id, land.Id],
        };

        byDefault.Units.Where(u => u.Summed).Select(u => u.Agency.Name).ShouldBe(["示范市人民政府", "示范市人民政府办公室", "示范市公安局"]);
        byDefault.IsOwnScope.ShouldBeTrue();
        byDefault.Sum!.Requests.Value("newReceived", 6).ShouldBe(4m, "the same as the city's report");
        byDefault.RegionFindings.ShouldBeEmpty();
        foreach (var chosen in selections)
        {
            var summary = await Summary(chosen);
            summary.RegionFindings.ShouldBeEmpty(string.Join(",", chosen));
            summary.SumFindings.ShouldBeEmpty(string.Join(",", chosen));
        }
        var district2 = await Summary([district.Id, land.Id]);
        district2.Units.Single(u => u.Agency.Id == land.Id).CoveredBy!.Id.ShouldBe(district.Id);
        district2.Sum!.Requests.Value("newReceived", 6).ShouldBe(2m, "the land bureau is in the district's report and counted once");
        (await Summary(selections[^1])).Sum!.Requests.Value("newReceived", 6).ShouldBe(6m);

        // The police then import a 2025 report whose figures differ from its records: the published city report no
        // longer equals its parts, which is an error the data does contain.
        await using (var scope = world.Database.Scope())
            Ok(await scope.ServiceProvider.GetRequiredService<AnnualReportService>().ImportAsync(world.Police.Id, 2025,
                Encoding.UTF8.GetBytes(PoliceReport(received: 3)), "公安局2025年报.json", world.PoliceHandler));
        var after = await Summary([world.Police.Id]);
        after.RegionFindings.Select(f => f.Cells[0]).ShouldContain("requests.newReceived.total");
        after.RegionFindings.ShouldAllBe(f => f.Rule == Rules.RegionSum);
    }

    private static string PoliceReport(int received)
    {
        var report = new AnnualReport { Template = ReportTemplate.Y2021, Year = 2025, Agency = "示范市公安局" };
        foreach (var table in ReportSchema.Tables)
        {
            foreach (var row in ReportSchema.Rows(ReportTemplate.Y2021, table))
                report.Table(table).Set(row.Key, [.. row.Columns.Select(_ => Cell.Of(0))]);
        }
        Cell[] row3 = [Cell.Of(received), Cell.Of(0), Cell.Of(0), Cell.Of(0), Cell.Of(0), Cell.Of(0), Cell.Of(received)];
        report.Requests.Set("newReceived", row3);
        report.Requests.Set("carriedForward", row3);
        return JsonReport.Write(report, []);
    }

    private static RequestActor Actor(int agencyId, string role) =>
        new(new AuditActor(null, "测试人员", null), agencyId, [role], AgencyScope.Everything);

    private static async Task RegisterAsync(RequestsWorld world, int agencyId, string received)
    {
        await using var scope = world.Database.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<RequestIntake>().RegisterAsync(Application(agencyId),
            new RegistrationInput { Channel = Channel.InPerson, ReceivedOn = D(received) }, [], Actor(agencyId, Roles.Handler));
        result.Succeeded.ShouldBeTrue(string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    private static AnnualReportRecord Ok(Result<AnnualReportRecord> result) =>
        result.Value ?? throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
}
