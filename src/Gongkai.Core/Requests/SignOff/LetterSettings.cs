using Gongkai.Core.Agencies;
using Gongkai.Core.Files;
using Gongkai.Core.Storage;
using Gongkai.Domain.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Core.Requests.SignOff;

/// <summary>
/// An agency's letter settings, kept by an administrator: its sign-off chain (<see cref="SignOffChain"/>)
/// and its seal. An agency without a row has no chain and no seal.
/// </summary>
public sealed class LetterSettings
{
    public int AgencyId { get; set; }
    /// <summary>Letters are drafted and signed off (承办 → 签发) instead of issued with their step.</summary>
    public bool ChainEnabled { get; set; }
    /// <summary>审核 by a colleague before 签发.</summary>
    public bool ReviewStage { get; set; }
    /// <summary>法制审核 of refusals before 签发.</summary>
    public bool LegalReview { get; set; }
    /// <summary>The office head may sign off a draft they wrote themselves.</summary>
    public bool HeadMaySignOwn { get; set; }
    /// <summary>The seal (PNG, transparent) placed over the signature of the agency's letters.</summary>
    public Guid? SealFileId { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }

    public SignOffChain Chain => new(ChainEnabled, ChainEnabled && ReviewStage, ChainEnabled && LegalReview, HeadMaySignOwn);

    /// <summary>The agency's chain; <see cref="SignOffChain.Off"/> when it has no settings.</summary>
    public static async Task<SignOffChain> ChainOfAsync(GongkaiDbContext db, int agencyId, CancellationToken cancellationToken) =>
        (await db.LetterSettings.AsNoTracking().SingleOrDefaultAsync(s => s.AgencyId == agencyId, cancellationToken))?.Chain ?? SignOffChain.Off;
}

internal sealed class LetterSettingsConfiguration : IEntityTypeConfiguration<LetterSettings>
{
    public void Configure(EntityTypeBuilder<LetterSettings> s)
    {
        s.ToTable("AgencyLetterSettings");
        s.HasKey(x => x.AgencyId);
        s.Property(x => x.AgencyId).ValueGeneratedNever();
        s.HasOne<Agency>().WithOne().HasForeignKey<LetterSettings>(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        s.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.SealFileId).OnDelete(DeleteBehavior.Restrict);
        s.Property(x => x.UpdatedBy).HasMaxLength(100);
    }
}
