namespace Gongkai.Core.Supervision.Storage;

/// <summary>A file handed in that did not become a report, and why: kept so the list survives the upload page.</summary>
public sealed class RejectedFile
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string FileName { get; set; }
    public required string Reason { get; set; }
    public DateTime RejectedAt { get; set; }
    public Guid? UploadedBy { get; set; }
}
