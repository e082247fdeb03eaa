using Microsoft.EntityFrameworkCore;
using Gongkai.Core.Requests.SignOff;

namespace Gongkai.Core.Storage;

/// <summary>The letters' sign-off chain, numbers and seals (migration 0012_letter_sign_off).</summary>
public sealed partial class GongkaiDbContext
{
    public DbSet<LetterSettings> LetterSettings => Set<LetterSettings>();
    public DbSet<LetterSeries> LetterSeries => Set<LetterSeries>();
    public DbSet<LetterDraft> LetterDrafts => Set<LetterDraft>();
    public DbSet<LetterDraftEvent> LetterDraftEvents => Set<LetterDraftEvent>();
    public DbSet<LetterDraftFile> LetterDraftFiles => Set<LetterDraftFile>();
}
