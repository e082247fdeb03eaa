using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Gongkai.Core.OpenData;

/// <summary>A file of the current dump as it is served: its bytes (seekable, for ranges) and when it was written.</summary>
public sealed record OpenDataContent(Stream Content, DateTimeOffset LastModified);

/// <summary>
/// Where the daily dumps are kept: the data folder's open-data/ (<see cref="OpenDataFolder"/>, with
/// <c>Gongkai:Files=Local</c>) or the shared file store every server reads (<see cref="SharedOpenDataStore"/>,
/// <c>Database</c> or <c>S3</c>). Either way a dump is written aside and becomes the current one whole,
/// with its manifest last: a reader sees the previous complete dump until then.
/// </summary>
public interface IOpenDataStore
{
    /// <summary>Where the dumps are, for an operator reading a message: the folder, or the file store and key prefix.</summary>
    string Location { get; }

    /// <summary>The newest complete dump's manifest, or null when none was made yet.</summary>
    Task<DumpManifest?> CurrentAsync(CancellationToken cancellationToken = default);

    /// <summary>A file of that day's complete dump — manifest.json or a file its manifest lists — or null: nothing else is ever served.</summary>
    Task<OpenDataContent?> OpenAsync(string day, string name, CancellationToken cancellationToken = default);

    /// <summary>Starts writing the dump of <paramref name="day"/> aside.</summary>
    Task<IDumpWriter> BeginAsync(string day, CancellationToken cancellationToken = default);
}

/// <summary>A dump being written: its files, then <see cref="CompleteAsync"/> makes it the current one and removes older ones.</summary>
public interface IDumpWriter
{
    /// <summary>A new file of the dump; complete once the stream is disposed.</summary>
    Stream Create(string name);

    /// <summary>Writes the manifest (last), makes this dump the current one, then prunes what is no longer kept.</summary>
    Task CompleteAsync(DumpManifest manifest, CancellationToken cancellationToken = default);
}

/// <summary>How both stores name days and write manifests.</summary>
public static class OpenDataFiles
{
    public const string Manifest = "manifest.json";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The manifest's bytes, the same in every store.</summary>
    public static byte[] Serialize(DumpManifest manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, Json);

    public static DumpManifest? Deserialize(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<DumpManifest>(json, Json);

    public static bool IsDay(string? name) =>
        DateOnly.TryParseExact(name, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>A name the manifest of a dump answers for: itself, or one of its files.</summary>
    public static bool Lists(DumpManifest manifest, string name) => name == Manifest || manifest.Files.Any(f => f.Name == name);
}
