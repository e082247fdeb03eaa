using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongkai.Core.Cluster;

/// <summary>
/// Background work that runs once across every server sharing the database: reminder e-mails,
/// search index upkeep, the open-data dump, and whatever else registers with <see cref="ClusterJobs.AddClusterJob{T}"/>.
/// </summary>
public interface IClusterJob
{
    /// <summary>The lease's name in cluster_leases, e.g. "reminder-mail".</summary>
    string Name { get; }

    /// <summary>When the next run is due after one that finished at <paramref name="finishedAt"/> (UTC).</summary>
    DateTime NextRunAfter(DateTime finishedAt);

    /// <summary>One run, in a scope of its own; <paramref name="cancellationToken"/> ends when the app stops or the lease is lost.</summary>
    Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>How often each server looks for due jobs (<c>Gongkai:Jobs:PollSeconds</c>, 30) and how long a job's lease lasts without renewal (2 min).</summary>
public sealed record ClusterJobOptions(TimeSpan Poll, TimeSpan Lease)
{
    public static ClusterJobOptions FromConfiguration(IConfiguration configuration) =>
        new(TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Gongkai:Jobs:PollSeconds", 30))), TimeSpan.FromMinutes(2));
}

public static class ClusterJobs
{
    /// <summary>Adds a job; the web app's <see cref="ClusterJobRunner"/> runs it where it is due, on one server at a time.</summary>
    public static IServiceCollection AddClusterJob<T>(this IServiceCollection services) where T : class, IClusterJob =>
        services.AddSingleton<IClusterJob, T>();
}

/// <summary>
/// Every <see cref="ClusterJobOptions.Poll"/>, tries each due job's lease; the server that takes it
/// runs the job and records when it is due next, the others find it taken or not due. A run that
/// fails is tried again after five minutes at most; a server that dies mid-run lets its lease lapse
/// and another runs the job.
/// </summary>
public sealed class ClusterJobRunner(IEnumerable<IClusterJob> jobs, ClusterLeases leases, ClusterJobOptions options, IServiceScopeFactory scopes,
    TimeProvider clock, ILogger<ClusterJobRunner> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var all = jobs.ToList();
        if (all.Count == 0) return;
        // Servers started together look at different moments.
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000)), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        using var timer = new PeriodicTimer(options.Poll);
        try
        {
            do
            {
                foreach (var job in all)
                    await RunIfDueAsync(job, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    /// <summary>Runs the job here if it is due and no other server runs it; true when it ran.</summary>
    public async Task<bool> RunIfDueAsync(IClusterJob job, CancellationToken stoppingToken)
    {
        HeldLease? lease;
        try
        {
            lease = await leases.TryAcquireAsync(job.Name, options.Lease, onlyWhenDue: true, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not look at the job {Job}", job.Name);
            return false;
        }
        if (lease is null)
        {
            logger.LogDebug("The job {Job} is not due or runs on another server", job.Name);
            return false;
        }
        await using (lease)
        {
            using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await job.RunAsync(scope.ServiceProvider, running.Token);
                await lease.CompleteAsync(job.NextRunAfter(clock.GetUtcNow().UtcDateTime));
                return true;
            }
            catch (OperationCanceledException) when (running.IsCancellationRequested)
            {
                logger.LogWarning("The job {Job} stopped before it finished", job.Name);
                return false;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The job {Job} failed", job.Name);
                var now = clock.GetUtcNow().UtcDateTime;
                var next = job.NextRunAfter(now);
                await lease.CompleteAsync(next < now + RetryAfterFailure ? next : now + RetryAfterFailure);
                return false;
            }
        }
    }
}
