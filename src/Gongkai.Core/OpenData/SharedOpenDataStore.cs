using System.Globalization;
using System.Text.Json;
using Gongkai.Core.Files.Backends;

namespace Gongkai.Core.OpenData;

/// <summary>
/// The dumps in the file store every server shares (<c>Gongkai:Files=Database</c> or <c>S3</c>), under
/// open-data/: each dump under a key prefix of its own ("open-data/2026-12-10.1a2b3c4d/"), each file in
/// chunks ("documents.jsonl/000000", …) so neither writing nor serving holds a whole file, the manifest
/// after the files, and last the object "open-data/current" naming the dump: one write that every
/// server reads, so a reader sees the previous dump until the new one is whole. The dump it replaced is
/// kept until the next one is complete, for downloads under way; only the current one is served.
/// </summary>
public sealed class SharedOpenDataStore(IFileBackend backend, int chunkBytes = SharedOpenDataStore.DefaultChunkBytes) : IOpenDataStore
{
    public const int DefaultChunkBytes = 8 * 1024 * 1024;

    private const string CurrentKey = FileKeys.OpenDataPrefix + "current";

    /// <summary>open-data/current: the current dump's day, key prefix and chunk size.</summary>
    private sealed record Pointer(string Day, string Location, int ChunkBytes);

    public string Location => $"{backend.Name}（{FileKeys.OpenDataPrefix}）";

    public async Task<DumpManifest?> CurrentAsync(CancellationToken cancellationToken = default) =>
        await ReadPointerAsync(backend, cancellationToken) is { } pointer ? (await ReadManifestAsync(pointer, cancellationToken)).Manifest : null;

    public async Task<OpenDataContent?> OpenAsync(string day, string name, CancellationToken cancellationToken = default)
    {
        if (await ReadPointerAsync(backend, cancellationToken) is not { } pointer || pointer.Day != day) return null;
        var (manifest, bytes) = await ReadManifestAsync(pointer, cancellationToken);
        if (manifest is null) return null;
        if (name == OpenDataFiles.Manifest) return new OpenDataContent(new MemoryStream(bytes, writable: false), manifest.GeneratedAt);
        return manifest.Files.FirstOrDefault(f => f.Name == name) is { } file
            ? new OpenDataContent(new ChunkedReadStream(backend, pointer.Location + name + "/", file.Bytes, pointer.ChunkBytes), manifest.GeneratedAt)
            : null;
    }

    public Task<IDumpWriter> BeginAsync(string day, CancellationToken cancellationToken = default)
    {
        var location = string.Create(CultureInfo.InvariantCulture, $"{FileKeys.OpenDataPrefix}{day}.{Guid.NewGuid().ToString("N")[..8]}/");
        return Task.FromResult<IDumpWriter>(new Writer(backend, new Pointer(day, location, chunkBytes)));
    }

    private static async Task<Pointer?> ReadPointerAsync(IFileBackend backend, CancellationToken cancellationToken)
    {
        await using var stream = await backend.OpenReadAsync(CurrentKey, cancellationToken);
        return stream is null ? null : await JsonSerializer.DeserializeAsync<Pointer>(stream, OpenDataFiles.Json, cancellationToken);
    }

    private async Task<(DumpManifest? Manifest, byte[] Bytes)> ReadManifestAsync(Pointer pointer, CancellationToken cancellationToken)
    {
        await using var stream = await backend.OpenReadAsync(pointer.Location + OpenDataFiles.Manifest, cancellationToken);
        if (stream is null) return (null, []);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        var bytes = copy.ToArray();
        return (OpenDataFiles.Deserialize(bytes), bytes);
    }

    private sealed class Writer(IFileBackend backend, Pointer pointer) : IDumpWriter
    {
        public Stream Create(string name) => new ChunkedWriteStream(backend, pointer.Location + name + "/", pointer.ChunkBytes);

        public async Task CompleteAsync(DumpManifest manifest, CancellationToken cancellationToken = default)
        {
            var previous = await ReadPointerAsync(backend, cancellationToken);
            await backend.WriteAsync(pointer.Location + OpenDataFiles.Manifest, OpenDataFiles.Serialize(manifest), cancellationToken);
            await backend.WriteAsync(CurrentKey, JsonSerializer.SerializeToUtf8Bytes(pointer, OpenDataFiles.Json), cancellationToken);
            // Everything but this dump and the one it replaced: older dumps, and whatever an interrupted run left.
            var kept = new HashSet<string>(StringComparer.Ordinal) { pointer.Location };
            if (previous is not null) kept.Add(previous.Location);
            var stale = new List<string>();
            await foreach (var o in backend.ListAsync(FileKeys.OpenDataPrefix, cancellationToken))
                if (o.Key != CurrentKey && !kept.Contains(o.Key[..(o.Key.IndexOf('/', FileKeys.OpenDataPrefix.Length) + 1)]))
                    stale.Add(o.Key);
            foreach (var key in stale)
                await backend.DeleteAsync(key, cancellationToken);
        }
    }
}
