using Gongkai.Core.Agencies;
using Gongkai.Core.Requests.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Core.Requests.SignOff;

/// <summary>
/// A year of an agency's numbers for one kind of letter: the prefix (e.g. 示府办依复) and the last
/// number issued. Incremented only by <see cref="LetterNumbers"/> in the issuing transaction; the
/// prefix can change only while no number of the year has been issued.
/// </summary>
public sealed class LetterSeries
{
    public int AgencyId { get; set; }
    public LetterKind Kind { get; set; }
    public int Year { get; set; }
    public required string Prefix { get; set; }
    public int LastSerial { get; set; }
}

internal sealed class LetterSeriesConfiguration : IEntityTypeConfiguration<LetterSeries>
{
    public void Configure(EntityTypeBuilder<LetterSeries> s)
    {
        s.ToTable("LetterSeries");
        s.HasKey(x => new { x.AgencyId, x.Kind, x.Year });
        s.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        s.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        s.Property(x => x.Prefix).HasMaxLength(Domain.Letters.LetterNumber.MaxPrefixLength);
        s.HasIndex(x => x.Prefix);
    }
}
