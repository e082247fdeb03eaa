using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Files;

/// <summary>What a sweep of the files folder found.</summary>
/// <param name="Unrecorded">Files in place without a record (full paths): nothing refers to them.</param>
/// <param name="Missing">Records whose file is not there.</param>
/// <param name="Completed">Staged files whose record had committed (the process stopped before moving them): moved into place.</param>
/// <param name="Abandoned">Staged files without a record, older than an upload can take: removed.</param>
public sealed record SweepReport(IReadOnlyList<string> Unrecorded, IReadOnlyList<Guid> Missing, int Completed, int Abandoned);

/// <summary>
/// Compares the files folder with the files table. Staged files (<see cref="StagedFiles"/>) are
/// settled: moved into place when their record committed, removed when none did. Files in place
/// without a record are reported, and removed only when asked. Run by <c>gongkai db sweep-files</c>.
/// </summary>
public sealed class FileSweep(GongkaiDbContext db, StorageSettings storage, StagedFiles staged, TimeProvider clock)
{
    /// <summary>A staged file younger than this may belong to an upload still under way.</summary>
    private static readonly TimeSpan InFlight = TimeSpan.FromHours(1);

    public async Task<SweepReport> RunAsync(bool removeUnrecorded, CancellationToken cancellationToken = default)
    {
        var recorded = (await db.StoredFiles.AsNoTracking().Select(f => f.Id).ToListAsync(cancellationToken)).ToHashSet();
        var present = new HashSet<Guid>();
        var unrecorded = new List<string>();
        var (completed, abandoned) = (0, 0);
        var files = Directory.Exists(storage.FilesDirectory)
            ? Directory.EnumerateFiles(storage.FilesDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            var isStaged = name.EndsWith(StagedFiles.Suffix, StringComparison.Ordinal);
            if (!Guid.TryParseExact(isStaged ? name[..^StagedFiles.Suffix.Length] : name, "N", out var id))
            {
                unrecorded.Add(path);
                continue;
            }
            if (!isStaged)
            {
                present.Add(id);
                if (!recorded.Contains(id))
                    unrecorded.Add(path);
            }
            else if (recorded.Contains(id))
            {
                File.Move(path, staged.PathOf(id), overwrite: true);
                present.Add(id);
                completed++;
            }
            else if (clock.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(path) > InFlight)
            {
                File.Delete(path);
                abandoned++;
            }
        }
        if (removeUnrecorded)
            unrecorded.ForEach(File.Delete);
        return new SweepReport(unrecorded, [.. recorded.Except(present).Order()], completed, abandoned);
    }
}
