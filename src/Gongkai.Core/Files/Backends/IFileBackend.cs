namespace Gongkai.Core.Files.Backends;

/// <summary>An object in a file backend: its key ("ab/ab12…" or "ab/ab12….staged") and when it was last written.</summary>
public sealed record FileObject(string Key, DateTime WrittenAt);

/// <summary>
/// Where the bytes of stored files live: the data folder (default), the database
/// (<c>Gongkai:Files=Database</c>) or an S3-compatible object store (<c>Gongkai:Files=S3</c>).
/// Keys are the same everywhere (<see cref="FileKeys"/>); <see cref="StagedFiles"/>, <see cref="FileStore"/>,
/// <see cref="FileSweep"/> and the backup work through this interface alone.
/// </summary>
public interface IFileBackend
{
    /// <summary>The backend's name in messages: 本地文件夹, 数据库, S3 对象存储.</summary>
    string Name { get; }

    /// <summary>Where an object is, for an operator reading a report: the file's path in the data folder, otherwise the key.</summary>
    string Locate(string key) => key;

    /// <summary>True when the database backup already holds the files (the database backend).</summary>
    bool InDatabase { get; }

    /// <summary>Writes (or overwrites) the object.</summary>
    Task WriteAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The object's bytes, or null when there is no such object.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Renames the object, replacing any object at <paramref name="to"/>.</summary>
    Task MoveAsync(string from, string to, CancellationToken cancellationToken);

    /// <summary>Removes the object if it exists.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every object whose key starts with <paramref name="prefix"/> ("" for all), in key order.</summary>
    IAsyncEnumerable<FileObject> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Throws when the backend cannot be reached (for /health/ready).</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}

/// <summary>The keys of stored files: two hex characters of the id as a folder, then the id; staged copies end in .staged.</summary>
public static class FileKeys
{
    public const string StagedSuffix = ".staged";

    public static string Of(Guid id)
    {
        var name = id.ToString("N");
        return name[..2] + "/" + name;
    }

    public static string Staged(Guid id) => Of(id) + StagedSuffix;

    /// <summary>
    /// Where the open-data dump keeps its files in a shared backend (<see cref="OpenData.SharedOpenDataStore"/>):
    /// not stored files, so the sweep and a restore leave them to the dump, which prunes its own.
    /// </summary>
    public const string OpenDataPrefix = "open-data/";

    public static bool IsOpenData(string key) => key.StartsWith(OpenDataPrefix, StringComparison.Ordinal);

    /// <summary>The id and whether the key is a staged copy; false for a key that names no stored file.</summary>
    public static bool TryParse(string key, out Guid id, out bool staged)
    {
        var name = key[(key.LastIndexOf('/') + 1)..];
        staged = name.EndsWith(StagedSuffix, StringComparison.Ordinal);
        return Guid.TryParseExact(staged ? name[..^StagedSuffix.Length] : name, "N", out id);
    }
}
