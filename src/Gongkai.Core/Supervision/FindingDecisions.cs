using System.Globalization;
using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Core.Supervision.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Supervision;

/// <summary>
/// Confirming or dismissing a finding, and assigning a report to its unit by hand: each a new fact
/// recorded with its audit line in one save. Decisions are only ever added.
/// </summary>
public sealed class FindingDecisions(GongkaiDbContext db, WorkspaceService workspaces, AuditLog audit, TimeProvider clock)
{
    public const int MaxNoteLength = 1000;

    /// <summary>Records a decision; a dismissal needs a note saying why. Null when the finding is not the report's, in this workspace.</summary>
    public async Task<Result<FindingDecision>?> DecideAsync(SupervisionWorkspace workspace, int reportId, long findingId, Verdict verdict, string? note,
        AuditActor actor, CancellationToken cancellationToken = default)
    {
        var found = await (from f in db.SupervisedFindings.AsNoTracking()
                           join r in db.SupervisedReports on f.ReportId equals r.Id
                           where f.Id == findingId && r.Id == reportId && r.WorkspaceId == workspace.Id
                           select new { f.Rule, r.Id, r.FileName }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
            return null;
        note = note?.Trim() ?? "";
        if (verdict == Verdict.Dismissed && note.Length == 0)
            return Result<FindingDecision>.Failure("Note", "排除问题时请写明理由。");
        if (note.Length > MaxNoteLength)
            return Result<FindingDecision>.Failure("Note", $"说明不能超过 {MaxNoteLength} 个字。");

        var decision = new FindingDecision
        {
            FindingId = findingId,
            Verdict = verdict,
            Note = note,
            DecidedAt = clock.GetUtcNow().UtcDateTime,
            DecidedBy = actor.Id,
            DecidedByName = actor.Name.Length <= 100 ? actor.Name : actor.Name[..100],
        };
        db.FindingDecisions.Add(decision);
        audit.Record(actor, AuditAction.SupervisionFindingDecided, nameof(SupervisedFinding), findingId.ToString(CultureInfo.InvariantCulture),
            $"{verdict.Label()}“{found.FileName}”的问题 {found.Rule}" + (note.Length > 0 ? $"：{note}" : ""));
        await db.SaveChangesAsync(cancellationToken);
        return Result<FindingDecision>.Success(decision);
    }

    /// <summary>
    /// Assigns a report to one of the workspace's units, or (null) to none: it then stands under its
    /// printed name. False when the report or the unit is not in this workspace.
    /// </summary>
    public async Task<bool> AssignUnitAsync(SupervisionWorkspace workspace, int reportId, int? agencyId, AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        var report = await db.SupervisedReports.SingleOrDefaultAsync(r => r.Id == reportId && r.WorkspaceId == workspace.Id, cancellationToken);
        if (report is null)
            return false;
        var units = await workspaces.UnitsAsync(workspace, cancellationToken);
        var unit = agencyId is null ? null : units.FirstOrDefault(u => u.AgencyId == agencyId);
        if (agencyId is not null && unit is null)
            return false;
        report.UnitAgencyId = agencyId;
        report.MatchedBy = UnitMatch.Manual;
        audit.Record(actor, AuditAction.SupervisionUnitAssigned, nameof(SupervisedReport), WorkspaceService.Id(reportId),
            unit is null ? $"将“{report.FileName}”设为不属于任何下级单位" : $"将“{report.FileName}”指定为“{unit.Name}”的报告");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
