using Gongkai.Core.Requests;

namespace Gongkai.Web.Requests;

public static class Uploads
{
    /// <summary>The files of a form as the use cases take them (empty inputs skipped).</summary>
    public static List<Upload> Of(AttachmentKind kind, params IEnumerable<IFormFile?> files) =>
        [.. files.Where(f => f is { Length: > 0 }).Select(f => new Upload(f!.OpenReadStream(), f.FileName, kind))];
}
