namespace Gongkai.Benchmarks.Catalogue;

/// <summary>Publishing at a steady rate during a measurement, as a platform publishes all day.</summary>
internal static class Publisher
{
    /// <summary>
    /// Runs <paramref name="measure"/> while a document is published every second through the real
    /// steps (<c>POST /bench/publish</c>, benchmark mode only), on the servers in turn; counts the
    /// publications and the failed ones.
    /// </summary>
    public static async Task<(WrkResult Run, int Published, int Failed)> WhilePublishingAsync(string[] servers, Func<Task<WrkResult>> measure)
    {
        using var stop = new CancellationTokenSource();
        var (published, failed) = (0, 0);
        var publisher = Task.Run(async () =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            try
            {
                for (var i = 0; await timer.WaitForNextTickAsync(stop.Token); i++)
                {
                    using var response = await http.PostAsync(servers[i % servers.Length] + "/bench/publish", null, CancellationToken.None);
                    if (response.IsSuccessStatusCode) published++;
                    else failed++;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The run is over.
            }
        });
        try
        {
            return (await measure(), published, failed);
        }
        finally
        {
            await stop.CancelAsync();
            await publisher;
        }
    }
}
