using System.Collections.Concurrent;
using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Core.Cluster;

/// <summary>
/// Work done by one server at a time however many share the database: a named lease in
/// cluster_leases, taken with one conditional UPDATE (free, lapsed, and for a job due), renewed
/// in the background while held, released on disposal. A server that dies stops renewing, and its
/// lease lapses after its duration so another server takes the work over. Works the same on SQLite
/// (several processes on one file) and PostgreSQL. <see cref="ClusterJobRunner"/> builds recurring
/// jobs on it; a use case can also hold a lease around one piece of work (see <see cref="Files.PdfRenderQueue"/>).
/// </summary>
public sealed class ClusterLeases(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ClusterLeases> logger)
{
    private readonly ConcurrentDictionary<string, bool> known = new(StringComparer.Ordinal);

    /// <summary>This process's name in cluster_leases.holder: machine, process id and a random part (a restarted process is another holder).</summary>
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// The lease if nobody holds it (or its holder let it lapse) and, with <paramref name="onlyWhenDue"/>,
    /// its next run is due; null otherwise. Held, and renewed every third of <paramref name="duration"/>, until disposed.
    /// </summary>
    public async Task<HeldLease?> TryAcquireAsync(string name, TimeSpan duration, bool onlyWhenDue = false, CancellationToken cancellationToken = default)
    {
        await EnsureRowAsync(name, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var holder = Holder;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var taken = await db.ClusterLeases
            .Where(l => l.Name == name && (l.Holder == null || l.LeasedUntil == null || l.LeasedUntil < now))
            .Where(l => !onlyWhenDue || l.NextRunAt == null || l.NextRunAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.LeasedUntil, until), cancellationToken);
        return taken == 1 ? new HeldLease(this, name, duration) : null;
    }

    /// <summary>Waits for the lease (another server holding it finishes, or its lease lapses), looking again every <paramref name="poll"/>.</summary>
    public async Task<HeldLease> AcquireAsync(string name, TimeSpan duration, TimeSpan poll, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (await TryAcquireAsync(name, duration, cancellationToken: cancellationToken) is { } lease) return lease;
            await Task.Delay(poll, cancellationToken);
        }
    }

    /// <summary>The lease rows, for the operators' view and the tests.</summary>
    public async Task<IReadOnlyList<ClusterLease>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().ClusterLeases.AsNoTracking().OrderBy(l => l.Name).ToListAsync(cancellationToken);
    }

    internal async Task<bool> RenewAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow().UtcDateTime + duration;
        var holder = Holder;
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().ClusterLeases
            .Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeasedUntil, until), cancellationToken) == 1;
    }

    /// <summary>Frees the lease; <paramref name="nextRunAt"/> also records a finished run of a job.</summary>
    internal async Task ReleaseAsync(string name, DateTime? nextRunAt)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var holder = Holder;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var leases = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().ClusterLeases.Where(l => l.Name == name && l.Holder == holder);
            if (nextRunAt is { } next)
                await leases.ExecuteUpdateAsync(s => s
                    .SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.LeasedUntil, (DateTime?)null)
                    .SetProperty(l => l.NextRunAt, next).SetProperty(l => l.LastRunAt, now)
                    .SetProperty(l => l.LastHolder, holder).SetProperty(l => l.Runs, l => l.Runs + 1));
            else
                await leases.ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.LeasedUntil, (DateTime?)null));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // It lapses by itself.
            logger.LogWarning(e, "Could not release the lease {Name}; it lapses by itself", name);
        }
    }

    internal void RenewalFailed(string name, Exception e) => logger.LogWarning(e, "Could not renew the lease {Name}", name);

    private async Task EnsureRowAsync(string name, CancellationToken cancellationToken)
    {
        if (known.ContainsKey(name)) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        if (!await db.ClusterLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            db.ClusterLeases.Add(new ClusterLease { Name = name });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (StorageErrors.IsUniqueViolation(e))
            {
                // Another server added it first.
            }
        }
        known[name] = true;
    }
}

/// <summary>A lease this process holds: renewed in the background until disposed (released) or completed (a job's run recorded).</summary>
public sealed class HeldLease : IAsyncDisposable
{
    private readonly ClusterLeases leases;
    private readonly TimeSpan duration;
    private readonly CancellationTokenSource lost = new();
    private readonly CancellationTokenSource done = new();
    private readonly Task renewal;
    private int released;

    internal HeldLease(ClusterLeases leases, string name, TimeSpan duration)
    {
        this.leases = leases;
        this.duration = duration;
        Name = name;
        renewal = RenewAsync();
    }

    public string Name { get; }

    /// <summary>Cancelled when a renewal finds the lease taken by another server (this one was cut off for longer than the lease).</summary>
    public CancellationToken Lost => lost.Token;

    /// <summary>Records a finished run (with when the next is due) and releases the lease.</summary>
    public Task CompleteAsync(DateTime nextRunAt) => ReleaseAsync(nextRunAt);

    public async ValueTask DisposeAsync() => await ReleaseAsync(null);

    private async Task ReleaseAsync(DateTime? nextRunAt)
    {
        if (Interlocked.Exchange(ref released, 1) == 1) return;
        await done.CancelAsync();
        await renewal.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!lost.IsCancellationRequested) await leases.ReleaseAsync(Name, nextRunAt);
        done.Dispose();
        lost.Dispose();
    }

    private async Task RenewAsync()
    {
        var every = duration / 3;
        while (!done.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, done.Token);
                if (!await leases.RenewAsync(Name, duration, done.Token))
                {
                    await lost.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException) when (done.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                leases.RenewalFailed(Name, e);
            }
        }
    }
}
