using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Core.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditLog");
        entry.Property(e => e.ActorName).HasMaxLength(100);
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(40);
        entry.Property(e => e.EntityType).HasMaxLength(40);
        entry.Property(e => e.EntityId).HasMaxLength(64);
        entry.Property(e => e.Summary).HasMaxLength(500);
        entry.Property(e => e.ClientIp).HasMaxLength(45);
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.EntityType, e.EntityId });
    }
}
