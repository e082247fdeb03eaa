using System.IO.Compression;

namespace Gongkai.Core.Security;

/// <summary>The verdict on an upload: its real type, or why it was refused (in Chinese, for the form).</summary>
public sealed record UploadCheck(FileKind? Kind, string? Refusal)
{
    public bool Accepted => Kind is not null;
}

/// <summary>
/// Decides what an uploaded file is from its bytes, never its name or declared type, and refuses
/// anything else, anything too large, and ZIP containers that are not the Office or OFD documents
/// they claim to be (or that would unpack to an absurd size).
/// </summary>
public sealed class UploadInspector(long maxBytes = UploadInspector.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;
    private const long MaxUnpackedBytes = 200 * 1024 * 1024;
    private const int MaxZipEntries = 5_000;

    public long MaxBytes => maxBytes;

    public UploadCheck Inspect(Stream content)
    {
        if (!content.CanSeek) throw new ArgumentException("需要可定位的流。", nameof(content));
        if (content.Length == 0) return Refuse("文件是空的。");
        if (content.Length > maxBytes)
            return Refuse($"文件过大：不能超过 {maxBytes / (1024 * 1024)} MB。");

        Span<byte> head = stackalloc byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;

        if (head.StartsWith("%PDF-"u8)) return new(FileKind.Pdf, null);
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return new(FileKind.Png, null);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return new(FileKind.Jpeg, null);
        if (head.StartsWith("PK\x03\x04"u8)) return InspectZip(content);
        return Refuse("不支持的文件类型：只接受 PDF、OFD、Word（docx）、Excel（xlsx）、PNG 和 JPEG 文件。");
    }

    private static UploadCheck InspectZip(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntries || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
                return Refuse("压缩内容异常，文件已拒收。");
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            var office = names.Contains("[Content_Types].xml");
            if (office && names.Contains("word/document.xml")) return new(FileKind.Docx, null);
            if (office && names.Contains("xl/workbook.xml")) return new(FileKind.Xlsx, null);
            if (names.Contains("OFD.xml")) return new(FileKind.Ofd, null);
            return Refuse("不支持的压缩文件：只接受 Word（docx）、Excel（xlsx）和 OFD 文件。");
        }
        catch (InvalidDataException)
        {
            return Refuse("文件已损坏，无法读取。");
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static UploadCheck Refuse(string reason) => new(null, reason);
}
