using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Core.Imports;

/// <summary>What a file brings in. Stored by name, so values may be added but never renamed.</summary>
public enum ImportKind
{
    /// <summary>机关</summary>
    Agencies,

    /// <summary>工作人员账号</summary>
    Staff,

    /// <summary>主动公开的政府信息</summary>
    Documents,

    /// <summary>历史申请（依申请公开案件）</summary>
    Requests,

    /// <summary>行政复议、行政诉讼</summary>
    Reviews,
}

public static class ImportKinds
{
    public static string Label(this ImportKind kind) => kind switch
    {
        ImportKind.Agencies => "机关",
        ImportKind.Staff => "工作人员账号",
        ImportKind.Documents => "政府信息",
        ImportKind.Requests => "历史申请",
        ImportKind.Reviews => "行政复议和行政诉讼",
    };
}

public enum ImportRunStatus
{
    /// <summary>Under way, or stopped by a crash: the next run of the same file resumes after <see cref="ImportRun.LinesDone"/>.</summary>
    Running,
    Finished,
}

/// <summary>
/// One import of one file (recognised by its SHA-256), updated in each batch's transaction: how far
/// it got and what came of its rows. A run that never finished is resumed by the next import of the
/// same file. Dry runs (<c>--check</c>) leave no run behind.
/// </summary>
public sealed class ImportRun
{
    public int Id { get; set; }
    public ImportKind Kind { get; set; }
    public required string FileName { get; set; }
    public required string FileSha256 { get; set; }
    public ImportRunStatus Status { get; set; }
    public DateTime StartedAt { get; set; }
    public Guid? StartedById { get; set; }
    public required string StartedByName { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>The last line of the file whose batch committed.</summary>
    public int LinesDone { get; set; }
    public int Added { get; set; }
    public int Existing { get; set; }
    public int Refused { get; set; }
}

/// <summary>A row an import refused, with its line in the file and the reason in Chinese.</summary>
public sealed class ImportRefusal
{
    public long Id { get; set; }
    public int RunId { get; set; }
    public int Line { get; set; }
    public string? RowKey { get; set; }
    public required string Reason { get; set; }
}

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> run)
    {
        run.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        run.Property(r => r.FileName).HasMaxLength(260);
        run.Property(r => r.FileSha256).HasMaxLength(64);
        run.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        run.Property(r => r.StartedByName).HasMaxLength(100);
        run.HasIndex(r => new { r.Kind, r.FileSha256 });
    }
}

internal sealed class ImportRefusalConfiguration : IEntityTypeConfiguration<ImportRefusal>
{
    public void Configure(EntityTypeBuilder<ImportRefusal> refusal)
    {
        refusal.HasOne<ImportRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        refusal.Property(r => r.RowKey).HasMaxLength(200);
        refusal.Property(r => r.Reason).HasMaxLength(1000);
    }
}
