using Gongkai.Core.Files;
using Gongkai.Core.Storage;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Core.Supervision.Storage;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Reports.Formats;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Supervision;

/// <summary>One finding of a report with every decision taken on it, oldest first.</summary>
public sealed record FindingHistory(AuditFinding Finding, IReadOnlyList<FindingDecision> Decisions);

/// <summary>A stored report as its page shows it: the audit it sits in, its row, its file, its findings with their histories.</summary>
public sealed record ReportDetail(
    SupervisionAudit Audit,
    AuditedItem Item,
    UnitYear? Cell,
    SupervisedReport Row,
    StoredFile File,
    IReadOnlyList<FindingHistory> Findings);

/// <summary>Reads a workspace back as a <see cref="SupervisionAudit"/>: the same audit the command line makes of a folder.</summary>
public sealed class WorkspaceReports(GongkaiDbContext db, WorkspaceService workspaces)
{
    public async Task<SupervisionAudit> AuditAsync(SupervisionWorkspace workspace, int? onlyYear = null, CancellationToken cancellationToken = default)
    {
        var units = await workspaces.UnitsAsync(workspace, cancellationToken);
        var rows = await db.SupervisedReports.AsNoTracking().Where(r => r.WorkspaceId == workspace.Id).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var findings = await (from f in db.SupervisedFindings.AsNoTracking()
                              join r in db.SupervisedReports on f.ReportId equals r.Id
                              where r.WorkspaceId == workspace.Id
                              orderby f.ReportId, f.Ordinal
                              select f).ToListAsync(cancellationToken);
        var latest = (await DecisionsAsync(workspace, cancellationToken))
            .GroupBy(d => d.FindingId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Id)!);
        var byReport = findings.ToLookup(f => f.ReportId);
        var items = rows.Select(r => new AuditedItem(r.Id, r.FileName, JsonReport.Read(r.ReportJson),
            [.. byReport[r.Id].Select(f => new AuditFinding(f.Id, f.ToFinding(), FindingScope.Report, View(latest.GetValueOrDefault(f.Id))))],
            r.UnitAgencyId, r.UploadedAt)).ToList();
        var rejections = await db.RejectedFiles.AsNoTracking().Where(f => f.WorkspaceId == workspace.Id).OrderBy(f => f.Id)
            .Select(f => new RejectedInput(f.FileName, f.Reason)).ToListAsync(cancellationToken);
        return SupervisionAudit.Build(workspace.Name, units, items, rejections, onlyYear);
    }

    /// <summary>A report of the workspace with everything its page shows; null when it is not in this workspace.</summary>
    public async Task<ReportDetail?> DetailAsync(SupervisionWorkspace workspace, int reportId, CancellationToken cancellationToken = default)
    {
        var row = await db.SupervisedReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId && r.WorkspaceId == workspace.Id, cancellationToken);
        if (row is null)
            return null;
        var audit = await AuditAsync(workspace, null, cancellationToken);
        var item = audit.Items.Single(i => i.ReportId == reportId);
        var file = await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == row.FileId, cancellationToken);
        var ids = item.Findings.Select(f => f.Id!.Value).ToList();
        var decisions = (await db.FindingDecisions.AsNoTracking().Where(d => ids.Contains(d.FindingId)).ToListAsync(cancellationToken))
            .OrderBy(d => d.Id).ToLookup(d => d.FindingId);
        return new ReportDetail(audit, item, audit.CellOf(item), row, file,
            [.. item.Findings.Select(f => new FindingHistory(f, [.. decisions[f.Id!.Value]]))]);
    }

    private Task<List<FindingDecision>> DecisionsAsync(SupervisionWorkspace workspace, CancellationToken cancellationToken) =>
        (from d in db.FindingDecisions.AsNoTracking()
         join f in db.SupervisedFindings on d.FindingId equals f.Id
         join r in db.SupervisedReports on f.ReportId equals r.Id
         where r.WorkspaceId == workspace.Id
         select d).ToListAsync(cancellationToken);

    private static DecisionView? View(FindingDecision? decision) =>
        decision is null ? null : new DecisionView(decision.Verdict, decision.Note, decision.DecidedByName, decision.DecidedAt);
}
