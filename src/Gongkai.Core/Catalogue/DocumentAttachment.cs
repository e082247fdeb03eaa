using Gongkai.Core.Files;

namespace Gongkai.Core.Catalogue;

/// <summary>
/// A file published with a document. Its text is extracted once, on upload, for the 错敏词 check
/// and for search; when it cannot be (a scan, an image), <see cref="TextNote"/> says why, so the
/// handler knows the check did not cover it.
/// </summary>
public sealed class DocumentAttachment
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public Guid FileId { get; set; }
    public StoredFile? File { get; set; }
    public int SortOrder { get; set; }
    public string? Text { get; set; }
    public string? TextNote { get; set; }
}
