using System.Text.Json;
using System.Text.Json.Serialization;
using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Files;
using Gongkai.Core.Requests.Letters;
using Gongkai.Domain.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Core.Requests.SignOff;

/// <summary>
/// A letter on its way through the office's chain: the step as the handler entered it (taken only
/// when the letter is signed off), the letter's text as generated (<see cref="BaseBody"/>) and as
/// edited (<see cref="Body"/>), and where it is. Its history is <see cref="LetterDraftEvent"/>.
/// </summary>
public sealed class LetterDraft
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    /// <summary>The request's agency, so drafts are scoped like requests.</summary>
    public int AgencyId { get; set; }
    public RequestStep Step { get; set; }
    /// <summary>The <see cref="StepInput"/> as JSON; fields added to the input later read back as their defaults.</summary>
    public required string Input { get; set; }
    /// <summary>What the step does, as the history will say it (e.g. 作出答复决定：不予公开…).</summary>
    public required string Summary { get; set; }
    public LetterKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Addressee { get; set; }
    /// <summary>The text the template gave when the draft was made; paragraphs separated by line breaks.</summary>
    public required string BaseBody { get; set; }
    /// <summary>The text as the handler left it.</summary>
    public required string Body { get; set; }
    /// <summary>A refusal (不予公开, 不予处理, 无法提供, 部分公开): the agency may require a legal review.</summary>
    public bool IsRefusal { get; set; }
    public SignOffStage Stage { get; set; }
    public Guid? DraftedById { get; set; }
    public required string DraftedByName { get; set; }
    /// <summary>The letter issued at 签发.</summary>
    public int? LetterId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public bool IsOpen => Stage is not (SignOffStage.Issued or SignOffStage.Withdrawn);

    public StepInput StepInput => JsonSerializer.Deserialize<StepInput>(Input, Json) ?? new StepInput();

    internal static string Write(StepInput input) => JsonSerializer.Serialize(input, Json);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}

/// <summary>One line of a draft's history: who drafted, submitted, approved, returned (with the comment), signed off or withdrew it. Append-only.</summary>
public sealed class LetterDraftEvent
{
    public long Id { get; set; }
    public int DraftId { get; set; }
    public SignOffAction Action { get; set; }
    /// <summary>The stage the draft was at when this was done.</summary>
    public SignOffStage Stage { get; set; }
    public string? Comment { get; set; }
    public Guid? ActorId { get; set; }
    public required string ActorName { get; set; }
    public DateTime At { get; set; }

    public string Label => SignOffChain.Label(Action, Stage);
}

/// <summary>A file the handler attached to the step (the information disclosed with a reply); it joins the case at 签发.</summary>
public sealed class LetterDraftFile
{
    public int DraftId { get; set; }
    public Guid FileId { get; set; }
}

internal sealed class LetterDraftConfiguration : IEntityTypeConfiguration<LetterDraft>
{
    public void Configure(EntityTypeBuilder<LetterDraft> d)
    {
        d.ToTable("LetterDrafts");
        d.HasOne<InformationRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
        d.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        d.HasOne<User>().WithMany().HasForeignKey(x => x.DraftedById).OnDelete(DeleteBehavior.Restrict);
        d.HasOne<RequestLetter>().WithMany().HasForeignKey(x => x.LetterId).OnDelete(DeleteBehavior.Restrict);
        d.Property(x => x.Step).HasConversion<string>().HasMaxLength(40);
        d.Property(x => x.Summary).HasMaxLength(500);
        d.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        d.Property(x => x.Title).HasMaxLength(200);
        d.Property(x => x.Addressee).HasMaxLength(200);
        d.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
        d.Property(x => x.DraftedByName).HasMaxLength(100);
        d.Property(x => x.Version).IsConcurrencyToken();
        d.HasIndex(x => x.RequestId);
        d.HasIndex(x => new { x.AgencyId, x.Stage });
        d.HasIndex(x => x.LetterId);
    }
}

internal sealed class LetterDraftEventConfiguration : IEntityTypeConfiguration<LetterDraftEvent>
{
    public void Configure(EntityTypeBuilder<LetterDraftEvent> e)
    {
        e.ToTable("LetterDraftEvents");
        e.HasOne<LetterDraft>().WithMany().HasForeignKey(x => x.DraftId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Comment).HasMaxLength(2000);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.HasIndex(x => x.DraftId);
        e.Ignore(x => x.Label);
    }
}

internal sealed class LetterDraftFileConfiguration : IEntityTypeConfiguration<LetterDraftFile>
{
    public void Configure(EntityTypeBuilder<LetterDraftFile> f)
    {
        f.ToTable("LetterDraftFiles");
        f.HasKey(x => new { x.DraftId, x.FileId });
        f.HasOne<LetterDraft>().WithMany().HasForeignKey(x => x.DraftId).OnDelete(DeleteBehavior.Restrict);
        f.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
        f.HasIndex(x => x.FileId);
    }
}
