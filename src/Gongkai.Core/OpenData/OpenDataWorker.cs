using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongkai.Core.OpenData;

/// <summary>When the worker first looks, and at what hour (北京时间) it makes each day's dump.</summary>
public sealed record OpenDataOptions(bool Enabled = true, TimeSpan? FirstRunDelay = null, int Hour = 2)
{
    public TimeSpan Delay => FirstRunDelay ?? TimeSpan.FromMinutes(1);
}

/// <summary>
/// Builds the day's bulk dump in the background: shortly after start when today's is missing, then
/// every day at <see cref="OpenDataOptions.Hour"/> 北京时间. Several servers sharing a data folder
/// may both try; the dump is written aside and renamed into place, so readers never see half of one.
/// The seam for a cluster-wide lock is <see cref="RunOnceAsync"/>: wrap it to run on one server only.
/// </summary>
public sealed class OpenDataWorker(IServiceScopeFactory scopes, OpenDataOptions options, TimeProvider clock, ILogger<OpenDataWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled) return;
        try
        {
            await Task.Delay(options.Delay, clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(UntilNextRun(), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One attempt at today's dump; a failure is logged and tried again at the next run.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<OpenDataDump>().BuildIfDueAsync(cancellationToken) is { } manifest)
                logger.LogInformation("Open data dump {Day} written: {Files}", manifest.Day, string.Join(", ", manifest.Files.Select(f => $"{f.Name} ({f.Count})")));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Open data dump failed; the previous dump stays available");
        }
    }

    private TimeSpan UntilNextRun()
    {
        var now = ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime);
        var next = now.Date.AddHours(options.Hour);
        if (next <= now) next = next.AddDays(1);
        return next - now;
    }
}

public static class OpenDataServices
{
    /// <summary>The dump and its folder; the web app adds <see cref="OpenDataWorker"/> as a hosted service.</summary>
    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.AddSingleton<OpenDataFolder>();
        services.AddScoped<OpenDataDump>();
        return services;
    }
}
