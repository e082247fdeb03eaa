using Gongkai.Core.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Core.Calendar;

internal sealed class StoredCalendarLayerConfiguration : IEntityTypeConfiguration<StoredCalendarLayer>
{
    public void Configure(EntityTypeBuilder<StoredCalendarLayer> layer)
    {
        layer.ToTable("CalendarLayers");
        layer.Property(l => l.Name).HasMaxLength(100);
        layer.HasOne<Agency>().WithMany().HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Restrict);
        layer.HasIndex(l => l.AgencyId).IsUnique();
        layer.HasMany(l => l.Days).WithOne().HasForeignKey(d => d.LayerId).OnDelete(DeleteBehavior.Cascade);
        layer.HasMany(l => l.Years).WithOne().HasForeignKey(y => y.LayerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoredCalendarDayConfiguration : IEntityTypeConfiguration<StoredCalendarDay>
{
    public void Configure(EntityTypeBuilder<StoredCalendarDay> day)
    {
        day.ToTable("CalendarDays");
        day.HasKey(d => new { d.LayerId, d.Date });
        day.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        day.Property(d => d.Note).HasMaxLength(100);
    }
}

internal sealed class StoredCalendarYearConfiguration : IEntityTypeConfiguration<StoredCalendarYear>
{
    public void Configure(EntityTypeBuilder<StoredCalendarYear> year)
    {
        year.ToTable("CalendarYears");
        year.HasKey(y => new { y.LayerId, y.Year });
        year.Property(y => y.Source).HasMaxLength(200);
    }
}
