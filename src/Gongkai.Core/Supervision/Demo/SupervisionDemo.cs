using Gongkai.Core.Audit;
using Gongkai.Core.Demo;
using Gongkai.Core.Storage;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Supervision.Demo;

/// <summary>
/// The demo supervisor's (周建华, 示范市人民政府) audit of the region's 2022 and 2023 reports,
/// taken in exactly as an upload is, with one finding already confirmed so the history shows.
/// </summary>
internal sealed class SupervisionDemo(GongkaiDbContext db, WorkspaceService workspaces, ReportCollector collector, FindingDecisions decisions) : IDemoStep
{
    public const string SupervisorUserName = "shi.jiandu";
    public const string WorkspaceName = "示范市2022—2023年度政府信息公开工作年度报告检查";

    public int Order => 300;

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == SupervisorUserName, cancellationToken);
        var supervisor = new AuditActor(user.Id, $"{user.DisplayName}（{user.UserName}）", null);
        var workspace = (await workspaces.CreateAsync(context.Agencies["city"].Id, WorkspaceName, supervisor, cancellationToken)).Value!;
        var result = await collector.AddFilesAsync(workspace, DemoReports.Files(context.Agencies), supervisor, cancellationToken);

        var education = result.Added.Single(r => r.UnitAgencyId == context.Agencies[DemoReports.Unbalanced].Id && r.Year == 2023);
        var balance = await db.SupervisedFindings.AsNoTracking()
            .Where(f => f.ReportId == education.Id && f.Rule == Rules.RequestsBalance).OrderBy(f => f.Ordinal).FirstAsync(cancellationToken);
        await decisions.DecideAsync(workspace, education.Id, balance.Id, Verdict.Confirmed, "已电话核实：本年新收申请数多填2件，已要求该局更正后重新公开。", supervisor, cancellationToken);
        context.Summary.Add($"年报检查 1 项（{SupervisorUserName} 的“{WorkspaceName}”，报告 {result.Added.Count} 份）");
    }
}
