using Gongkai.Core.Agencies;
using Gongkai.Core.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Core.Supervision.Storage;

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<SupervisionWorkspace>
{
    public void Configure(EntityTypeBuilder<SupervisionWorkspace> workspace)
    {
        workspace.ToTable("SupervisionWorkspaces");
        workspace.Property(w => w.Name).HasMaxLength(100);
        workspace.HasOne<Agency>().WithMany().HasForeignKey(w => w.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupervisedReportConfiguration : IEntityTypeConfiguration<SupervisedReport>
{
    public void Configure(EntityTypeBuilder<SupervisedReport> report)
    {
        report.ToTable("SupervisionReports");
        report.Property(r => r.FileName).HasMaxLength(500);
        report.Property(r => r.Format).HasMaxLength(10);
        report.Property(r => r.Origin).HasConversion<string>().HasMaxLength(10);
        report.Property(r => r.AgencyName).HasMaxLength(200);
        report.Property(r => r.Template).HasMaxLength(10);
        report.Property(r => r.MatchedBy).HasConversion<string>().HasMaxLength(10);
        report.HasOne<SupervisionWorkspace>().WithMany().HasForeignKey(r => r.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne<StoredFile>().WithMany().HasForeignKey(r => r.FileId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne<Agency>().WithMany().HasForeignKey(r => r.UnitAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupervisedFindingConfiguration : IEntityTypeConfiguration<SupervisedFinding>
{
    public void Configure(EntityTypeBuilder<SupervisedFinding> finding)
    {
        finding.ToTable("SupervisionFindings");
        finding.Property(f => f.Rule).HasMaxLength(40);
        finding.Property(f => f.Severity).HasConversion<string>().HasMaxLength(10);
        finding.Property(f => f.Origin).HasConversion<string>().HasMaxLength(10);
        finding.HasOne<SupervisedReport>().WithMany().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FindingDecisionConfiguration : IEntityTypeConfiguration<FindingDecision>
{
    public void Configure(EntityTypeBuilder<FindingDecision> decision)
    {
        decision.ToTable("SupervisionDecisions");
        decision.Property(d => d.Verdict).HasConversion<string>().HasMaxLength(10);
        decision.Property(d => d.Note).HasMaxLength(1000);
        decision.Property(d => d.DecidedByName).HasMaxLength(100);
        decision.HasOne<SupervisedFinding>().WithMany().HasForeignKey(d => d.FindingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RejectedFileConfiguration : IEntityTypeConfiguration<RejectedFile>
{
    public void Configure(EntityTypeBuilder<RejectedFile> file)
    {
        file.ToTable("SupervisionRejectedFiles");
        file.Property(f => f.FileName).HasMaxLength(500);
        file.Property(f => f.Reason).HasMaxLength(500);
        file.HasOne<SupervisionWorkspace>().WithMany().HasForeignKey(f => f.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
    }
}
