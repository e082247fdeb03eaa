using System.IO.Compression;

namespace Gongkai.Core.Imports;

/// <summary>
/// Where the attachments named by a documents file are: a folder, or a ZIP. A name is a path
/// relative to it, with / or \; names that climb out of it (..) or are absolute are not found.
/// </summary>
public abstract class AttachmentSource : IDisposable
{
    /// <summary>A folder, or a ZIP file, told apart by what is on disk.</summary>
    public static AttachmentSource Open(string path) =>
        Directory.Exists(path) ? new FolderSource(Path.GetFullPath(path)) : Zip(File.OpenRead(path));

    public static AttachmentSource Zip(Stream zip)
    {
        try
        {
            return new ZipSource(new ZipArchive(zip, ZipArchiveMode.Read));
        }
        catch (InvalidDataException)
        {
            zip.Dispose();
            throw new ImportFileException("附件包不是有效的 ZIP 文件。");
        }
    }

    /// <summary>The file's bytes, at most <paramref name="maxBytes"/> + 1 of them (so a larger file is seen to be too large); null when there is no such file.</summary>
    public byte[]? Read(string name, long maxBytes)
    {
        var parts = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Any(p => p is "." or "..") || Path.IsPathRooted(name)) return null;
        using var stream = Entry(string.Join('/', parts));
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= maxBytes && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length))) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }

    protected abstract Stream? Entry(string relativePath);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing) { }

    private sealed class FolderSource(string root) : AttachmentSource
    {
        protected override Stream? Entry(string relativePath)
        {
            var path = Path.GetFullPath(Path.Combine(root, relativePath));
            return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path) ? File.OpenRead(path) : null;
        }
    }

    private sealed class ZipSource(ZipArchive archive) : AttachmentSource
    {
        private readonly Dictionary<string, ZipArchiveEntry> entries = archive.Entries
            .GroupBy(e => string.Join('/', e.FullName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        protected override Stream? Entry(string relativePath) => entries.TryGetValue(relativePath, out var entry) ? entry.Open() : null;

        protected override void Dispose(bool disposing)
        {
            if (disposing) archive.Dispose();
        }
    }
}

/// <summary>A file that cannot be imported at all (not a ZIP, no header …), with the reason in Chinese.</summary>
public sealed class ImportFileException(string message) : Exception(message);
