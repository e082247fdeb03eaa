using Gongkai.Core.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Core.Agencies;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> agency)
    {
        agency.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        agency.HasOne<StoredFile>().WithMany().HasForeignKey(a => a.GuideFileId).OnDelete(DeleteBehavior.Restrict);
        agency.Property(a => a.Name).HasMaxLength(100);
        agency.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
        agency.Property(a => a.OrganizationCode).HasMaxLength(18);
        agency.HasIndex(a => a.OrganizationCode).IsUnique();
        agency.Property(a => a.OfficeName).HasMaxLength(100);
        agency.Property(a => a.OfficeAddress).HasMaxLength(200);
        agency.Property(a => a.PostalCode).HasMaxLength(6);
        agency.Property(a => a.OfficePhone).HasMaxLength(50);
        agency.Property(a => a.OfficeFax).HasMaxLength(50);
        agency.Property(a => a.OfficeEmail).HasMaxLength(100);
        agency.Property(a => a.OfficeHours).HasMaxLength(200);
    }
}
