using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.Storage;
using Gongkai.Core.Supervision;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Core.Supervision.Intake;
using Gongkai.Core.Supervision.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TestAgencies = Gongkai.Core.Tests.Support.Agencies;

namespace Gongkai.Core.Tests.Supervision;

/// <summary>A workspace on a real database: taking reports in, matching, decisions, reading the audit back.</summary>
public sealed class WorkspaceTests
{
    private static readonly AuditActor Supervisor = new(Guid.NewGuid(), "周建华（shi.jiandu）", "203.0.113.7");

    private sealed record Region(Agency Shenzhen, Agency Housing, Agency Longgang, Agency Other, SupervisionWorkspace Workspace);

    /// <summary>深圳市人民政府 with two units the seeds name, a region beside it, and a workspace of Shenzhen.</summary>
    private static async Task<Region> RegionAsync(IServiceProvider services)
    {
        var agencies = services.GetRequiredService<AgencyService>();
        var shenzhen = await TestAgencies.CreateAsync(agencies, "深圳市人民政府", AgencyLevel.City);
        var housing = await TestAgencies.CreateAsync(agencies, "深圳市住房和建设局", AgencyLevel.Department, shenzhen.Id);
        var longgang = await TestAgencies.CreateAsync(agencies, "深圳市龙岗区人民政府", AgencyLevel.County, shenzhen.Id);
        var other = await TestAgencies.CreateAsync(agencies, "另一市人民政府", AgencyLevel.City);
        var workspace = (await services.GetRequiredService<WorkspaceService>().CreateAsync(shenzhen.Id, "深圳市年报检查", Supervisor)).Value!;
        return new Region(shenzhen, housing, longgang, other, workspace);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddFiles_SeedsAsFilesAndZip_TakenInOnceMatchedAndEveryRefusalKept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        var region = await RegionAsync(services);
        var collector = services.GetRequiredService<ReportCollector>();

        var first = await collector.AddFilesAsync(region.Workspace, [ReportFiles.Seed("000"), ReportFiles.Seed("001"), new IntakeFile("junk.txt", ReportFiles.Junk())], Supervisor);
        var second = await collector.AddFilesAsync(region.Workspace,
            [ReportFiles.Zip("seeds.zip", [.. ReportFiles.Seeds.Select(n => ($"seeds/{n}.txt", ReportFiles.Seed(n).Content))])], Supervisor);

        first.Added.Select(a => (a.FileName, a.UnitAgencyId)).ShouldBe([("seed-000.txt", region.Housing.Id), ("seed-001.txt", region.Shenzhen.Id)]);
        first.Rejected.Single().FileName.ShouldBe("junk.txt");
        second.Added.Select(a => (a.FileName, a.UnitAgencyId)).ShouldBe(
            [("seeds.zip/seeds/002.txt", null), ("seeds.zip/seeds/003.txt", region.Longgang.Id), ("seeds.zip/seeds/004.txt", null)]);
        second.Rejected.Select(r => r.Reason).ShouldBe(["与已收录的“seed-000.txt”内容完全相同，未重复收录", "与已收录的“seed-001.txt”内容完全相同，未重复收录"]);

        var db = services.GetRequiredService<GongkaiDbContext>();
        var stored = await db.SupervisedReports.AsNoTracking().SingleAsync(r => r.FileName == "seed-000.txt");
        (stored.AgencyName, stored.Year, stored.Template, stored.Format, stored.MatchedBy, stored.Origin)
            .ShouldBe(("深圳市住房和建设局", 2020, "2019", "text", UnitMatch.ByName, ReportOrigin.Upload));
        var findings = await db.SupervisedFindings.AsNoTracking().Where(f => f.ReportId == stored.Id).OrderBy(f => f.Ordinal).ToListAsync();
        findings.Select(f => f.ToFinding().Message).ShouldBe(ReportFiles.ReadSeed("000").Findings.Select(f => f.Message));
        findings[0].ToFinding().Cells.ShouldBe(ReportFiles.ReadSeed("000").Findings[0].Cells);
        var file = await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == stored.FileId);
        (file.Kind, file.FileName).ShouldBe((Gongkai.Core.Security.FileKind.Text, "seed-000.txt"));
        await using (var content = await services.GetRequiredService<FileStore>().OpenReadAsync(file))
        using (var copy = new MemoryStream())
        {
            await content.CopyToAsync(copy);
            copy.ToArray().ShouldBe(ReportFiles.Seed("000").Content);
        }
        (await db.RejectedFiles.AsNoTracking().CountAsync(f => f.WorkspaceId == region.Workspace.Id)).ShouldBe(3);
        (await db.AuditEntries.AsNoTracking().CountAsync(e => e.Action == AuditAction.SupervisionReportsAdded)).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AuditAsync_Workspace_SameAuditAsTheFilesReadDirectly(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        var region = await RegionAsync(services);
        await services.GetRequiredService<ReportCollector>().AddFilesAsync(region.Workspace, [.. ReportFiles.Seeds.Select(ReportFiles.Seed)], Supervisor);

        var audit = await services.GetRequiredService<WorkspaceReports>().AuditAsync(region.Workspace);

        audit.Title.ShouldBe("深圳市年报检查");
        audit.Units.Take(3).Select(u => u.Name).ShouldBe(["深圳市人民政府", "深圳市住房和建设局", "深圳市龙岗区人民政府"]);
        audit.Units.Skip(3).Select(u => u.Name).ShouldBe(["根河市住建局", "高港区住房和城乡建设局"], ignoreOrder: true);
        audit.Years.ShouldBe([2017, 2020, 2022]);
        var housing = audit.Units.Single(u => u.AgencyId == region.Housing.Id);
        var cell = audit.Cell(housing, 2020);
        cell.Status.ShouldBe(PublicationStatus.DateUnknown);
        cell.Report!.Findings.Select(f => f.Finding.Rule).ShouldBe(ReportFiles.ReadSeed("000").Findings.Select(f => f.Rule));
        cell.Report.Report.Requests.Value("newReceived", 0).ShouldBe(154);
        audit.Cell(audit.Units.Single(u => u.Name == "高港区住房和城乡建设局"), 2017).Status.ShouldBe(PublicationStatus.Late);
        audit.Cell(housing, 2022).Status.ShouldBe(PublicationStatus.Missing);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Decisions_KeptAsHistory_LatestStands_DatabaseRefusesChange(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        var region = await RegionAsync(services);
        var added = await services.GetRequiredService<ReportCollector>().AddFilesAsync(region.Workspace, [ReportFiles.Seed("000")], Supervisor);
        var db = services.GetRequiredService<GongkaiDbContext>();
        var finding = await db.SupervisedFindings.AsNoTracking().Where(f => f.ReportId == added.Added[0].Id).OrderBy(f => f.Ordinal).FirstAsync();
        var decisions = services.GetRequiredService<FindingDecisions>();

        var confirmed = await decisions.DecideAsync(region.Workspace, added.Added[0].Id, finding.Id, Verdict.Confirmed, "", Supervisor);
        var refused = await decisions.DecideAsync(region.Workspace, added.Added[0].Id, finding.Id, Verdict.Dismissed, "  ", Supervisor);
        var dismissed = await decisions.DecideAsync(region.Workspace, added.Added[0].Id, finding.Id, Verdict.Dismissed, "经电话核实，上年结转数填在了错误的栏目。", Supervisor);

        confirmed!.Succeeded.ShouldBeTrue();
        refused!.Errors.Single().Message.ShouldBe("排除问题时请写明理由。");
        dismissed!.Succeeded.ShouldBeTrue();
        var detail = (await services.GetRequiredService<WorkspaceReports>().DetailAsync(region.Workspace, added.Added[0].Id))!;
        var history = detail.Findings.Single(f => f.Finding.Id == finding.Id);
        history.Decisions.Select(d => (d.Verdict, d.Note, d.DecidedByName)).ShouldBe(
            [(Verdict.Confirmed, "", "周建华（shi.jiandu）"), (Verdict.Dismissed, "经电话核实，上年结转数填在了错误的栏目。", "周建华（shi.jiandu）")]);
        history.Finding.Decision!.Verdict.ShouldBe(Verdict.Dismissed);
        detail.Cell!.Count(Severity.Error).ShouldBe(ReportFiles.ReadSeed("000").Findings.Count(f => f.Severity == Severity.Error) - 1);
        (await db.AuditEntries.AsNoTracking().CountAsync(e => e.Action == AuditAction.SupervisionFindingDecided)).ShouldBe(2);

        (await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE supervision_decisions SET note = 'x'"))).Message.ShouldContain("append-only");
        (await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM supervision_decisions"))).Message.ShouldContain("append-only");
        (await db.FindingDecisions.AsNoTracking().CountAsync()).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OtherWorkspace_FindingAndReportAndUnit_NotFound(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        var region = await RegionAsync(services);
        var elsewhere = (await services.GetRequiredService<WorkspaceService>().CreateAsync(region.Other.Id, "另一市检查", Supervisor)).Value!;
        var added = await services.GetRequiredService<ReportCollector>().AddFilesAsync(region.Workspace, [ReportFiles.Seed("000")], Supervisor);
        var finding = await services.GetRequiredService<GongkaiDbContext>().SupervisedFindings.AsNoTracking().FirstAsync();
        var decisions = services.GetRequiredService<FindingDecisions>();

        (await decisions.DecideAsync(elsewhere, added.Added[0].Id, finding.Id, Verdict.Confirmed, "", Supervisor)).ShouldBeNull();
        (await decisions.DecideAsync(region.Workspace, added.Added[0].Id + 1, finding.Id, Verdict.Confirmed, "", Supervisor)).ShouldBeNull("not that report's finding");
        (await services.GetRequiredService<WorkspaceReports>().DetailAsync(elsewhere, added.Added[0].Id)).ShouldBeNull();
        (await decisions.AssignUnitAsync(region.Workspace, added.Added[0].Id, region.Other.Id, Supervisor)).ShouldBeFalse("not a unit of this workspace");
        var workspaces = services.GetRequiredService<WorkspaceService>();
        var db = services.GetRequiredService<GongkaiDbContext>();
        var otherScope = await AgencyScope.ForAsync(db, region.Other.Id, [Gongkai.Core.Accounts.Roles.Supervisor]);
        (await workspaces.FindAsync(otherScope, region.Workspace.Id)).ShouldBeNull();
        (await workspaces.ListAsync(otherScope)).Select(w => w.Workspace.Name).ShouldBe(["另一市检查"]);
        var shenzhenScope = await AgencyScope.ForAsync(db, region.Shenzhen.Id, [Gongkai.Core.Accounts.Roles.Supervisor]);
        (await workspaces.ListAsync(shenzhenScope)).Single().Reports.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AssignUnitAsync_ByHand_MovesTheReportAndIsAudited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        var region = await RegionAsync(services);
        var added = await services.GetRequiredService<ReportCollector>().AddFilesAsync(region.Workspace, [ReportFiles.Seed("002")], Supervisor);
        var decisions = services.GetRequiredService<FindingDecisions>();

        (await decisions.AssignUnitAsync(region.Workspace, added.Added[0].Id, region.Housing.Id, Supervisor)).ShouldBeTrue();

        var audit = await services.GetRequiredService<WorkspaceReports>().AuditAsync(region.Workspace);
        audit.Units.ShouldAllBe(u => u.IsRegistered, "根河市住建局 is now counted as 深圳市住房和建设局");
        audit.Cell(audit.Units.Single(u => u.AgencyId == region.Housing.Id), 2020).Report!.FileName.ShouldBe("seed-002.txt");
        var db = services.GetRequiredService<GongkaiDbContext>();
        (await db.SupervisedReports.AsNoTracking().SingleAsync()).MatchedBy.ShouldBe(UnitMatch.Manual);
        (await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == AuditAction.SupervisionUnitAssigned)).Summary
            .ShouldBe("将“seed-002.txt”指定为“深圳市住房和建设局”的报告");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddFolderAsync_AllowedFolder_ReadLikeAnUpload(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        var region = await RegionAsync(services);
        var folder = Directory.CreateTempSubdirectory("gongkai-folder-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "2020"));
            File.WriteAllBytes(Path.Combine(folder, "2020", "a.txt"), ReportFiles.Seed("000").Content);
            File.WriteAllBytes(Path.Combine(folder, ".hidden.txt"), ReportFiles.Seed("001").Content);
            File.WriteAllBytes(Path.Combine(folder, "notes.md"), ReportFiles.Junk());

            var result = await services.GetRequiredService<ReportCollector>().AddFolderAsync(region.Workspace, folder, Supervisor);

            result.Added.Select(a => a.FileName).ShouldBe(["2020/a.txt"]);
            result.Rejected.ShouldBeEmpty();
            (await services.GetRequiredService<GongkaiDbContext>().SupervisedReports.AsNoTracking().SingleAsync()).Origin.ShouldBe(ReportOrigin.Folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
