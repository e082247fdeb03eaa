using Gongkai.Core.Storage;

namespace Gongkai.Core.OpenData;

/// <summary>
/// open-data/ in the data folder (the default, <c>Gongkai:Files=Local</c>): one folder per complete
/// dump, named by its day (2026-12-10), each with its manifest; a dump being written is
/// {day}.partial until <see cref="IDumpWriter.CompleteAsync"/> renames it, and only then are the
/// older ones removed (a download under way keeps its open file).
/// </summary>
public sealed class OpenDataFolder(StorageSettings storage) : IOpenDataStore
{
    public string Root => Path.Combine(storage.DataDirectory, "open-data");

    public string Location => Root;

    public Task<DumpManifest?> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Root)) return Task.FromResult<DumpManifest?>(null);
        foreach (var day in Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().Where(OpenDataFiles.IsDay).OrderDescending(StringComparer.Ordinal))
        {
            var manifest = Path.Combine(Root, day, OpenDataFiles.Manifest);
            if (File.Exists(manifest)) return Task.FromResult(OpenDataFiles.Deserialize(File.ReadAllBytes(manifest)));
        }
        return Task.FromResult<DumpManifest?>(null);
    }

    public Task<OpenDataContent?> OpenAsync(string day, string name, CancellationToken cancellationToken = default)
    {
        if (!OpenDataFiles.IsDay(day)) return Task.FromResult<OpenDataContent?>(null);
        var manifest = Path.Combine(Root, day, OpenDataFiles.Manifest);
        if (!File.Exists(manifest) || OpenDataFiles.Deserialize(File.ReadAllBytes(manifest)) is not { } listed || !OpenDataFiles.Lists(listed, name))
            return Task.FromResult<OpenDataContent?>(null);
        var path = Path.Combine(Root, day, name);
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous);
            return Task.FromResult<OpenDataContent?>(new OpenDataContent(stream, File.GetLastWriteTimeUtc(path)));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Removed by a newer dump since the manifest was read.
            return Task.FromResult<OpenDataContent?>(null);
        }
    }

    public Task<IDumpWriter> BeginAsync(string day, CancellationToken cancellationToken = default)
    {
        var partial = Path.Combine(Root, day + ".partial");
        if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        PrivateFiles.CreateDirectory(partial);
        return Task.FromResult<IDumpWriter>(new Writer(Root, day, partial));
    }

    private sealed class Writer(string root, string day, string partial) : IDumpWriter
    {
        public Stream Create(string name) => File.Create(Path.Combine(partial, name));

        public async Task CompleteAsync(DumpManifest manifest, CancellationToken cancellationToken = default)
        {
            await File.WriteAllBytesAsync(Path.Combine(partial, OpenDataFiles.Manifest), OpenDataFiles.Serialize(manifest), cancellationToken);
            var target = Path.Combine(root, day);
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.Move(partial, target);
            foreach (var old in Directory.GetDirectories(root).Where(d => Path.GetFileName(d) != day))
                Directory.Delete(old, recursive: true);
        }
    }
}
