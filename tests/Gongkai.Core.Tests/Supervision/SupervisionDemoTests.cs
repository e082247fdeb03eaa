using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Core.Supervision;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Supervision;

public sealed class SupervisionDemoTests
{
    [Fact]
    public async Task Seed_DemoWorkspace_ShowsExactlyWhatItBreaksOnPurpose()
    {
        await using var database = await TestDatabase.CreateDemoAsync();
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var workspace = await db.SupervisionWorkspaces.AsNoTracking().SingleAsync();

        var audit = await scope.ServiceProvider.GetRequiredService<WorkspaceReports>().AuditAsync(workspace);

        audit.Units.Count.ShouldBe(26);
        audit.Units.ShouldAllBe(u => u.IsRegistered, "every demo report matches its agency by name");
        audit.Rejections.ShouldBeEmpty();
        audit.Years.ShouldBe([2022, 2023]);
        UnitYear Cell(string name, int year) => audit.Cell(audit.Units.Single(u => u.Name == name), year);
        Cell("示范市公安局", 2023).Status.ShouldBe(PublicationStatus.Late);
        Cell("示范市临江区人民政府", 2023).Status.ShouldBe(PublicationStatus.Missing);
        Cell("示范市明德区人民政府", 2022).Status.ShouldBe(PublicationStatus.DateUnknown);
        audit.AllCells.Count(c => c.Status == PublicationStatus.OnTime).ShouldBe(49);

        var rules = audit.AllCells.SelectMany(c => c.Findings.Select(f => (c.Unit.Name, c.Year, f.Finding.Rule))).ToList();
        rules.ShouldBe(
        [
            ("示范市教育局", 2023, Rules.RequestsBalance), ("示范市教育局", 2023, Rules.RequestsBalance),
            ("示范市自然资源和规划局", 2023, Rules.RequestsResultsSum), ("示范市自然资源和规划局", 2023, Rules.RequestsResultsSum),
            ("示范市自然资源和规划局", 2023, Rules.YearCarry), ("示范市自然资源和规划局", 2023, Rules.YearCarry),
        ], ignoreOrder: true);
        audit.AllCells.Where(c => c.LooksCopied).Select(c => (c.Unit.Name, c.Year)).ShouldBe([("示范市教育局", 2023)]);
        Cell("示范市教育局", 2023).Findings.First().Decision!.Verdict.ShouldBe(Verdict.Confirmed);

        var county = Cell("安澜县人民政府", 2023).Report!.Report;
        var townships = audit.Units.SkipWhile(u => u.Name != "安澜县人民政府").Skip(1).TakeWhile(u => u.Depth == 2).ToList();
        townships.Count.ShouldBe(4);
        RegionChecks.Check(county, [.. townships.Select(u => Cell(u.Name, 2023).Report!.Report)]).SelectMany(f => f.Cells)
            .ShouldBe(["reviewLitigation.review.upheld", "reviewLitigation.review.total"]);
        RegionChecks.Check(Cell("安澜县人民政府", 2022).Report!.Report, [.. townships.Select(u => Cell(u.Name, 2022).Report!.Report)]).ShouldBeEmpty();
    }

    [Fact]
    public async Task AddPublished_DemoReportsOfThePlatform_CollectedOnceWithTheirPublicationStatus()
    {
        await using var database = await TestDatabase.CreateDemoAsync();
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var city = await db.Agencies.AsNoTracking().SingleAsync(a => a.Name == "示范市人民政府");
        var workspace = (await scope.ServiceProvider.GetRequiredService<WorkspaceService>().CreateAsync(city.Id, "平台报告检查", AuditActor.System)).Value!;
        var collector = scope.ServiceProvider.GetRequiredService<ReportCollector>();
        var published = await db.AnnualReports.AsNoTracking().Where(r => r.Status == Core.AnnualReports.ReportStatus.Published)
            .Join(db.Agencies, r => r.AgencyId, a => a.Id, (r, a) => new { a.Name, r.Year }).ToListAsync();

        var first = await collector.AddPublishedAsync(workspace, AuditActor.System);
        var again = await collector.AddPublishedAsync(workspace, AuditActor.System);
        var audit = await scope.ServiceProvider.GetRequiredService<WorkspaceReports>().AuditAsync(workspace);

        published.ShouldNotBeEmpty();
        first.Added.Select(a => (a.Agency, a.Year)).ShouldBe(published.Select(p => ((string?)p.Name, (int?)p.Year)), ignoreOrder: true);
        first.Added.ShouldAllBe(a => a.UnitAgencyId != null);
        again.Added.ShouldBeEmpty();
        again.Rejected.Count.ShouldBe(published.Count);
        published.ShouldAllBe(p => audit.Cell(audit.Units.Single(u => u.Name == p.Name), p.Year).Status == PublicationStatus.OnTime);
    }
}
