using System.Runtime.CompilerServices;
using Gongkai.Core.Storage;

namespace Gongkai.Core.Files.Backends;

/// <summary>Files under the data folder's files/ (the default), owner-only.</summary>
public sealed class LocalFileBackend(StorageSettings storage) : IFileBackend
{
    public string Name => "本地文件夹";

    public bool InDatabase => false;

    public string Locate(string key) => PathOf(key);

    public string PathOf(string key) => Path.Combine(storage.FilesDirectory, key.Replace('/', Path.DirectorySeparatorChar));

    public async Task WriteAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(path)!);
        var part = path + ".part";
        File.Delete(part);
        await using (var output = PrivateFiles.Create(part))
            await output.WriteAsync(content, cancellationToken);
        File.Move(part, path, overwrite: true);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task MoveAsync(string from, string to, CancellationToken cancellationToken)
    {
        File.Move(PathOf(from), PathOf(to), overwrite: true);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<FileObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        if (!Directory.Exists(storage.FilesDirectory)) yield break;
        var files = Directory.EnumerateFiles(storage.FilesDirectory, "*", SearchOption.AllDirectories)
            .Select(path => (Key: Path.GetRelativePath(storage.FilesDirectory, path).Replace(Path.DirectorySeparatorChar, '/'), Path: path))
            .Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(f => f.Key, StringComparer.Ordinal);
        foreach (var (key, path) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new FileObject(key, File.GetLastWriteTimeUtc(path));
        }
    }

    public Task CheckAsync(CancellationToken cancellationToken)
    {
        PrivateFiles.CreateDirectory(storage.FilesDirectory);
        return Task.CompletedTask;
    }
}
