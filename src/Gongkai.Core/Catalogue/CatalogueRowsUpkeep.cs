using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongkai.Core.Catalogue;

/// <summary>
/// Loads this server's <see cref="CatalogueRows"/> once it has started (trying again every
/// <see cref="Every"/> while the database cannot be read) and then looks for changed documents every
/// <see cref="Every"/>: changes made by another process or announced on a connection that dropped
/// reach the list within seconds, not only changes this server or Redis told it of.
/// </summary>
public sealed class CatalogueRowsUpkeep(CatalogueRows rows, ILogger<CatalogueRowsUpkeep> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            do
            {
                if (rows.Loaded)
                {
                    await rows.RefreshAsync(stoppingToken);
                    continue;
                }
                try
                {
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    await rows.LoadAsync(stoppingToken);
                    logger.LogInformation("Catalogue list rows loaded: {Count} published documents in {Seconds:0.0} s", rows.Count, watch.Elapsed.TotalSeconds);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Could not load the catalogue list rows; the list reads the database until they load");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }
}
