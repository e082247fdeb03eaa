using Gongkai.Core.Supervision.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Storage;

/// <summary>The supervision workspace's tables (migration 0004).</summary>
public sealed partial class GongkaiDbContext
{
    public DbSet<SupervisionWorkspace> SupervisionWorkspaces => Set<SupervisionWorkspace>();
    public DbSet<SupervisedReport> SupervisedReports => Set<SupervisedReport>();
    public DbSet<SupervisedFinding> SupervisedFindings => Set<SupervisedFinding>();
    public DbSet<FindingDecision> FindingDecisions => Set<FindingDecision>();
    public DbSet<RejectedFile> RejectedFiles => Set<RejectedFile>();
}
