using System.IO.Compression;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Reports;

namespace Gongkai.Core.Supervision.Intake;

/// <summary>
/// Opens a ZIP of reports without trusting it: at most <see cref="MaxEntries"/> files and
/// <see cref="MaxTotalBytes"/> unpacked, counted while inflating (a bomb's headers lie), each
/// entry within the engine's size limit, names with .. or absolute paths refused. Nothing is
/// written to disk; a bad entry is one rejection and the rest are still read.
/// </summary>
public static class ZipIntake
{
    public const int MaxEntries = 2_000;
    public const long MaxTotalBytes = 200L * 1024 * 1024;

    /// <summary>A ZIP that is an archive of files, not a Word document (which is a ZIP too).</summary>
    public static bool IsArchive(byte[] content)
    {
        if (!content.AsSpan().StartsWith("PK\x03\x04"u8))
            return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is null;
        }
        catch (InvalidDataException)
        {
            // Not a readable ZIP: the report engine will say why.
            return false;
        }
    }

    public static (List<IntakeFile> Files, List<RejectedInput> Rejections) Expand(IntakeFile archive) =>
        Expand(archive, MaxEntries, MaxTotalBytes);

    /// <summary>With other limits, so tests need not build archives of hundreds of megabytes.</summary>
    internal static (List<IntakeFile> Files, List<RejectedInput> Rejections) Expand(IntakeFile archive, int maxEntries, long maxTotalBytes)
    {
        var files = new List<IntakeFile>();
        var rejections = new List<RejectedInput>();
        try
        {
            using var zip = new ZipArchive(new MemoryStream(archive.Content, writable: false), ZipArchiveMode.Read);
            var entries = zip.Entries.Where(e => !IsDirectory(e)).ToList();
            if (entries.Count > maxEntries)
            {
                rejections.Add(new(archive.Name, $"压缩包内有 {entries.Count} 个文件，超过 {maxEntries} 个的上限，未展开；请分批上传"));
                return (files, rejections);
            }
            long total = 0;
            foreach (var entry in entries)
            {
                var name = $"{archive.Name}/{entry.FullName}";
                if (!IsSafe(entry.FullName))
                {
                    rejections.Add(new(name, "压缩包内的文件路径不安全（含有“..”或绝对路径），未读取"));
                    continue;
                }
                if (IsHiddenOrSystem(entry.FullName))
                    continue;
                var limit = Math.Min(ReportFile.MaxBytes, maxTotalBytes - total);
                var content = Inflate(entry, limit);
                if (content is null && limit < ReportFile.MaxBytes)
                {
                    rejections.Add(new(name, $"压缩包解压后超过 {maxTotalBytes / 1048576} MB 的上限，此文件及其后的文件未读取"));
                    break;
                }
                if (content is null)
                {
                    rejections.Add(new(name, $"文件超过 {ReportFile.MaxBytes / 1048576} MB 的上限，未读取"));
                    continue;
                }
                total += content.Length;
                if (content.AsSpan().StartsWith("PK\x03\x04"u8) && IsArchive(content))
                {
                    rejections.Add(new(name, "压缩包内的压缩包不再展开，请解压后上传"));
                    continue;
                }
                files.Add(new IntakeFile(name, content));
            }
        }
        catch (InvalidDataException e)
        {
            rejections.Add(new(archive.Name, $"压缩包已损坏，无法读取（{e.Message}）"));
        }
        return (files, rejections);
    }

    /// <summary>The entry's bytes, or null past <paramref name="limit"/> — counted as inflated, not as the header declares.</summary>
    private static byte[]? Inflate(ZipArchiveEntry entry, long limit)
    {
        if (entry.Length > limit)
            return null;
        using var input = entry.Open();
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (output.Length + read > limit)
                return null;
            output.Write(buffer, 0, read);
        }
        return output.ToArray();
    }

    private static bool IsDirectory(ZipArchiveEntry entry) => entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\');

    private static bool IsSafe(string path)
    {
        var normalised = path.Replace('\\', '/');
        return !normalised.StartsWith('/') && !(normalised.Length > 1 && normalised[1] == ':')
            && !normalised.Split('/').Any(part => part == "..");
    }

    /// <summary>macOS and Windows leave these in archives; they are never reports.</summary>
    private static bool IsHiddenOrSystem(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        return parts.Any(p => p.StartsWith('.') || p == "__MACOSX" || p.Equals("Thumbs.db", StringComparison.OrdinalIgnoreCase));
    }
}
