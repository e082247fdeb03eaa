using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Core.Supervision.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Supervision;

/// <summary>A workspace in a list: its agency, how many reports it holds.</summary>
public sealed record WorkspaceSummary(SupervisionWorkspace Workspace, string AgencyName, int Reports);

/// <summary>Creating and finding workspaces, always through the viewer's <see cref="AgencyScope"/>.</summary>
public sealed class WorkspaceService(GongkaiDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    public async Task<IReadOnlyList<WorkspaceSummary>> ListAsync(AgencyScope scope, CancellationToken cancellationToken = default)
    {
        var rows = await (from w in scope.Apply(db.SupervisionWorkspaces.AsNoTracking(), w => w.AgencyId)
                          join a in db.Agencies on w.AgencyId equals a.Id
                          orderby w.CreatedAt descending, w.Id descending
                          select new { Workspace = w, a.Name, Reports = db.SupervisedReports.Count(r => r.WorkspaceId == w.Id) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new WorkspaceSummary(r.Workspace, r.Name, r.Reports)).ToList();
    }

    /// <summary>The workspace, or null when it does not exist or lies outside the scope: callers answer 404 either way.</summary>
    public Task<SupervisionWorkspace?> FindAsync(AgencyScope scope, int id, CancellationToken cancellationToken = default) =>
        scope.Apply(db.SupervisionWorkspaces.AsNoTracking(), w => w.AgencyId).SingleOrDefaultAsync(w => w.Id == id, cancellationToken);

    /// <summary>The original file of one of the workspace's reports.</summary>
    public Task<Files.StoredFile?> OriginalFileAsync(int workspaceId, int reportId, CancellationToken cancellationToken = default) =>
        (from r in db.SupervisedReports.AsNoTracking()
         where r.Id == reportId && r.WorkspaceId == workspaceId
         join f in db.StoredFiles on r.FileId equals f.Id
         select f).SingleOrDefaultAsync(cancellationToken);

    public async Task<Result<SupervisionWorkspace>> CreateAsync(int agencyId, string? name, AuditActor actor, CancellationToken cancellationToken = default)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name))
            return Result<SupervisionWorkspace>.Failure("Name", "请填写检查名称，如“2023年度政府信息公开工作年度报告检查”。");
        if (name.Length > MaxNameLength)
            return Result<SupervisionWorkspace>.Failure("Name", $"检查名称不能超过 {MaxNameLength} 个字。");
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, cancellationToken);

        var workspace = new SupervisionWorkspace { AgencyId = agencyId, Name = name, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Id };
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        db.SupervisionWorkspaces.Add(workspace);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(actor, AuditAction.SupervisionWorkspaceCreated, nameof(SupervisionWorkspace), Id(workspace.Id),
            $"新建年报检查“{name}”（{agency.Name}）");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<SupervisionWorkspace>.Success(workspace);
    }

    /// <summary>The units expected to publish: the workspace's agency and every agency below it, in tree order.</summary>
    public async Task<IReadOnlyList<AuditUnit>> UnitsAsync(SupervisionWorkspace workspace, CancellationToken cancellationToken = default)
    {
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(cancellationToken);
        var units = new List<AuditUnit>();
        void Add(AgencyNode node, int depth)
        {
            units.Add(AuditUnit.ForAgency(node.Agency.Id, node.Agency.Name, node.Agency.Level, depth));
            foreach (var child in node.Children)
                Add(child, depth + 1);
        }
        var root = FindNode(AgencyTree.Build(agencies), workspace.AgencyId);
        if (root is not null)
            Add(root, 0);
        return units;
    }

    internal static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static AgencyNode? FindNode(IEnumerable<AgencyNode> nodes, int id)
    {
        foreach (var node in nodes)
        {
            if (node.Agency.Id == id)
                return node;
            if (FindNode(node.Children, id) is { } found)
                return found;
        }
        return null;
    }
}
