using Gongkai.Core.Files.Backends;
using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Files;

/// <summary>What a sweep of the stored files found.</summary>
/// <param name="Unrecorded">Objects in place without a record (their keys): nothing refers to them.</param>
/// <param name="Missing">Records whose file is not there.</param>
/// <param name="Completed">Staged files whose record had committed (the process stopped before moving them): moved into place.</param>
/// <param name="Abandoned">Staged files without a record, older than an upload can take: removed.</param>
public sealed record SweepReport(IReadOnlyList<string> Unrecorded, IReadOnlyList<Guid> Missing, int Completed, int Abandoned);

/// <summary>
/// Compares the file backend with the files table. Staged files (<see cref="StagedFiles"/>) are
/// settled: moved into place when their record committed, removed when none did. Files in place
/// without a record are reported, and removed only when asked; the open-data dump's objects are
/// the dump's own (<see cref="FileKeys.OpenDataPrefix"/>). Run by <c>gongkai db sweep-files</c>.
/// </summary>
public sealed class FileSweep(GongkaiDbContext db, IFileBackend backend, TimeProvider clock)
{
    /// <summary>A staged file younger than this may belong to an upload still under way.</summary>
    private static readonly TimeSpan InFlight = TimeSpan.FromHours(1);

    public async Task<SweepReport> RunAsync(bool removeUnrecorded, CancellationToken cancellationToken = default)
    {
        var recorded = (await db.StoredFiles.AsNoTracking().Select(f => f.Id).ToListAsync(cancellationToken)).ToHashSet();
        var present = new HashSet<Guid>();
        var unrecorded = new List<string>();
        var (completed, abandoned) = (0, 0);
        await foreach (var file in backend.ListAsync("", cancellationToken))
        {
            if (FileKeys.IsOpenData(file.Key))
                continue;
            if (!FileKeys.TryParse(file.Key, out var id, out var isStaged))
                unrecorded.Add(file.Key);
            else if (!isStaged)
            {
                present.Add(id);
                if (!recorded.Contains(id))
                    unrecorded.Add(file.Key);
            }
            else if (recorded.Contains(id))
            {
                await backend.MoveAsync(file.Key, FileKeys.Of(id), cancellationToken);
                present.Add(id);
                completed++;
            }
            else if (clock.GetUtcNow().UtcDateTime - file.WrittenAt > InFlight)
            {
                await backend.DeleteAsync(file.Key, cancellationToken);
                abandoned++;
            }
        }
        if (removeUnrecorded)
            foreach (var key in unrecorded)
                await backend.DeleteAsync(key, cancellationToken);
        return new SweepReport(unrecorded, [.. recorded.Except(present).Order()], completed, abandoned);
    }
}
