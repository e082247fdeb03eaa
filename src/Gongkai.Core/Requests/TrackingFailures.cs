using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests;

/// <summary>Failed tries the applicant is told of on the next successful access.</summary>
public sealed record FailedTries(int Count, DateTime LastAt);

/// <summary>A 查询码 with failed tries, as administrators see it.</summary>
public sealed record TrackingFailureView(string TrackingCode, string? RequestNumber, int Failures, int Unnoticed, DateTime? LockedUntil, DateTime? LastFailureAt);

/// <summary>
/// Counts wrong answers per 查询码 in the database, so the count holds across servers, and locks the
/// code by <see cref="TrackingLockout"/>. An attempt counts as a failure when it begins, and the lock
/// is set by the attempt that reaches the limit before its answer is checked, so parallel guesses
/// get no more tries than sequential ones; a success clears everything.
/// </summary>
public sealed class TrackingFailures(GongkaiDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Rows of codes untouched for this long are dropped: the count serves against guessing now.</summary>
    private static readonly TimeSpan Forgotten = TimeSpan.FromDays(30);

    /// <summary>Begins an attempt for <paramref name="code"/>: null when it may go on, else the time the code is locked until.</summary>
    public async Task<DateTime?> BeginAsync(string code, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var now = Now;
            var row = await db.TrackingFailures.AsNoTracking().SingleOrDefaultAsync(f => f.TrackingCode == code, cancellationToken);
            if (row?.LockedUntil > now)
                return row.LockedUntil;
            if (row is null)
            {
                if (await InsertAsync(code, cancellationToken))
                    return null;
                continue;
            }
            // After a lock has run out the count starts again; the lock number stays, so the next lock is longer.
            var failures = (row.LockedUntil is null ? row.Failures : 0) + 1;
            var locks = failures >= TrackingLockout.MaxFailures ? row.Locks + 1 : row.Locks;
            DateTime? lockedUntil = failures >= TrackingLockout.MaxFailures ? now + TrackingLockout.Duration(locks) : null;
            // Compare and set: of two attempts that read the same row, one wins and the other reads again.
            if (await db.TrackingFailures.Where(f => f.TrackingCode == code && f.Failures == row.Failures && f.LockedUntil == row.LockedUntil)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Failures, failures).SetProperty(f => f.Locks, locks)
                        .SetProperty(f => f.LockedUntil, lockedUntil), cancellationToken) == 1)
                return null;
        }
    }

    /// <summary>The answer was wrong: remembered to tell the applicant.</summary>
    public Task FailedAsync(string code, CancellationToken cancellationToken = default)
    {
        var now = Now;
        return db.TrackingFailures.Where(f => f.TrackingCode == code)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Unnoticed, f => f.Unnoticed + 1).SetProperty(f => f.LastFailureAt, now), cancellationToken);
    }

    /// <summary>The answer was right: the count ends, and the failed tries since the last access are returned to be told.</summary>
    public async Task<FailedTries?> SucceededAsync(string code, CancellationToken cancellationToken = default)
    {
        var row = await db.TrackingFailures.AsNoTracking().SingleOrDefaultAsync(f => f.TrackingCode == code, cancellationToken);
        await db.TrackingFailures.Where(f => f.TrackingCode == code).ExecuteDeleteAsync(cancellationToken);
        return row is { Unnoticed: > 0, LastFailureAt: { } last } ? new FailedTries(row.Unnoticed, last) : null;
    }

    /// <summary>Codes with failed tries, locked ones first, with the request's number when the code is one.</summary>
    public async Task<IReadOnlyList<TrackingFailureView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await (from f in db.TrackingFailures.AsNoTracking()
                          join r in db.Requests.AsNoTracking() on f.TrackingCode equals r.TrackingCode into requests
                          from r in requests.DefaultIfEmpty()
                          where f.Unnoticed > 0 || f.LockedUntil != null
                          select new TrackingFailureView(f.TrackingCode, r == null ? null : r.Number, f.Failures, f.Unnoticed, f.LockedUntil, f.LastFailureAt))
            .ToListAsync(cancellationToken);
        var now = Now;
        return [.. rows.OrderByDescending(r => r.LockedUntil > now).ThenByDescending(r => r.LastFailureAt).ThenBy(r => r.TrackingCode, StringComparer.Ordinal)];
    }

    /// <summary>An administrator lifts a lock (the applicant called and proved who they are).</summary>
    public async Task<bool> ClearAsync(string code, AuditActor actor, CancellationToken cancellationToken = default)
    {
        if (await db.TrackingFailures.Where(f => f.TrackingCode == code).ExecuteDeleteAsync(cancellationToken) == 0)
            return false;
        await audit.RecordNowAsync(actor, AuditAction.TrackingLockCleared, "TrackingCode", code, $"解除查询码 {code} 的锁定和失败记录", cancellationToken);
        return true;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<bool> InsertAsync(string code, CancellationToken cancellationToken)
    {
        var cutoff = Now - Forgotten;
        await db.TrackingFailures.Where(f => f.LastFailureAt < cutoff && (f.LockedUntil == null || f.LockedUntil < cutoff)).ExecuteDeleteAsync(cancellationToken);
        var row = new TrackingFailure { TrackingCode = code, Failures = 1 };
        db.TrackingFailures.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another attempt inserted the row first: read it again.
            return false;
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
