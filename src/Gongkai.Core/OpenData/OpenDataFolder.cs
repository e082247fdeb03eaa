using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Gongkai.Core.Storage;

namespace Gongkai.Core.OpenData;

/// <summary>
/// open-data/ in the data folder: one folder per complete dump, named by its day (2026-12-10), each
/// with its manifest; a dump being written is {day}.partial until <see cref="Complete"/> renames it.
/// </summary>
public sealed class OpenDataFolder(StorageSettings storage)
{
    public const string ManifestFile = "manifest.json";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public string Root => Path.Combine(storage.DataDirectory, "open-data");

    /// <summary>The newest complete dump's manifest, or null when none was made yet.</summary>
    public DumpManifest? Current()
    {
        if (!Directory.Exists(Root)) return null;
        foreach (var day in Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().Where(IsDay).OrderDescending(StringComparer.Ordinal))
        {
            var manifest = Path.Combine(Root, day, ManifestFile);
            if (File.Exists(manifest)) return JsonSerializer.Deserialize<DumpManifest>(File.ReadAllText(manifest), Json);
        }
        return null;
    }

    /// <summary>A file the manifest of that day's dump lists, or null: nothing else under the data folder is ever served.</summary>
    public string? FileOf(string day, string name)
    {
        if (!IsDay(day)) return null;
        var manifest = Path.Combine(Root, day, ManifestFile);
        if (!File.Exists(manifest)) return null;
        if (name == ManifestFile) return manifest;
        var listed = JsonSerializer.Deserialize<DumpManifest>(File.ReadAllText(manifest), Json)?.Files.Any(f => f.Name == name) == true;
        return listed ? Path.Combine(Root, day, name) : null;
    }

    internal string Partial(string day) => Path.Combine(Root, day + ".partial");

    /// <summary>The dump in writing becomes the current one; only then are the older ones removed.</summary>
    internal void Complete(string day)
    {
        var target = Path.Combine(Root, day);
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        Directory.Move(Partial(day), target);
        foreach (var old in Directory.GetDirectories(Root).Where(d => Path.GetFileName(d) != day))
            Directory.Delete(old, recursive: true);
    }

    private static bool IsDay(string? name) =>
        DateOnly.TryParseExact(name, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
