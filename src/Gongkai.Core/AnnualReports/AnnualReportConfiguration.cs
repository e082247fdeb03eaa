using Gongkai.Core.Agencies;
using Gongkai.Core.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Core.AnnualReports;

internal sealed class AnnualReportRecordConfiguration : IEntityTypeConfiguration<AnnualReportRecord>
{
    public void Configure(EntityTypeBuilder<AnnualReportRecord> r)
    {
        r.ToTable("AnnualReports");
        r.Property(x => x.Template).HasMaxLength(10);
        r.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        r.Property(x => x.PublishedByName).HasMaxLength(200);
        r.Property(x => x.OverrideReason).HasMaxLength(1000);
        r.Property(x => x.SourceFileName).HasMaxLength(500);
        r.Property(x => x.UpdatedByName).HasMaxLength(200);
        r.Property(x => x.Version).IsConcurrencyToken();
        r.HasIndex(x => new { x.AgencyId, x.Year }).IsUnique();
        r.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.SourceFileId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.PdfFileId).OnDelete(DeleteBehavior.Restrict);
        r.Ignore(x => x.IsDraft);
    }
}

internal sealed class ReportFigureConfiguration : IEntityTypeConfiguration<ReportFigure>
{
    public void Configure(EntityTypeBuilder<ReportFigure> f)
    {
        f.ToTable("AnnualReportFigures");
        f.Property(x => x.Cell).HasMaxLength(100);
        f.Property(x => x.Value).HasPrecision(18, 4);
        f.Property(x => x.Source).HasConversion<string>().HasMaxLength(10);
        f.Property(x => x.RecordedByName).HasMaxLength(200);
        f.Property(x => x.FileName).HasMaxLength(500);
        f.HasIndex(x => new { x.ReportId, x.Cell }).IsUnique();
        f.HasOne<AnnualReportRecord>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportTextConfiguration : IEntityTypeConfiguration<ReportText>
{
    public void Configure(EntityTypeBuilder<ReportText> t)
    {
        t.ToTable("AnnualReportTexts");
        t.Property(x => x.Text).HasMaxLength(20000);
        t.Property(x => x.EditedByName).HasMaxLength(200);
        t.HasIndex(x => new { x.ReportId, x.Number }).IsUnique();
        t.HasOne<AnnualReportRecord>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportScopeUnitConfiguration : IEntityTypeConfiguration<ReportScopeUnit>
{
    public void Configure(EntityTypeBuilder<ReportScopeUnit> s)
    {
        s.ToTable("ReportScopeUnits");
        s.HasKey(x => new { x.GovernmentId, x.UnitId });
        s.HasIndex(x => x.UnitId).IsUnique();
        s.HasOne<Agency>().WithMany().HasForeignKey(x => x.GovernmentId).OnDelete(DeleteBehavior.Restrict);
        s.HasOne<Agency>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
