using Gongkai.Core.Security;

namespace Gongkai.Core.Files;

/// <summary>An uploaded file: its bytes live under the data folder's files/, named by <see cref="Id"/>.</summary>
public sealed class StoredFile
{
    public Guid Id { get; init; }
    public required string FileName { get; init; }
    public FileKind Kind { get; init; }
    public required string ContentType { get; init; }
    public long Length { get; init; }
    public required string Sha256 { get; init; }
    public DateTime UploadedAt { get; init; }
    public Guid? UploadedBy { get; init; }
}
