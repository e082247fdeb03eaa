using Gongkai.Core.Cluster;
using Gongkai.Core.Files.Backends;
using Gongkai.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Core.OpenData;

/// <summary>Whether the web app makes the daily dump (<c>Gongkai:OpenData:Enabled</c>), and from what hour 北京时间 (<c>Gongkai:OpenData:Hour</c>).</summary>
public sealed record OpenDataOptions(bool Enabled = true, int Hour = 2);

/// <summary>
/// The daily dump, once across the cluster (lease "open-data", <see cref="ClusterJobRunner"/>): on the
/// hour, every hour, the server that takes the lease makes today's dump if <see cref="OpenDataDump.IsDue"/>
/// — at once when there is none, else from <see cref="OpenDataOptions.Hour"/> — and otherwise only reads
/// the current manifest. A failed run is tried again within five minutes; the previous dump stays served.
/// </summary>
public sealed class OpenDataJob(OpenDataOptions options, ILogger<OpenDataJob> logger) : IClusterJob
{
    public string Name => "open-data";

    public DateTime NextRunAfter(DateTime finishedAt) =>
        new DateTime(finishedAt.Ticks - finishedAt.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc).AddHours(1);

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<OpenDataDump>().BuildIfDueAsync(options.Hour, cancellationToken) is { } manifest)
            logger.LogInformation("Open data dump {Day} written: {Files}", manifest.Day, string.Join(", ", manifest.Files.Select(f => $"{f.Name} ({f.Count})")));
    }
}

public static class OpenDataServices
{
    /// <summary>The dump and its store (the data folder, or the shared file store); the web app adds <see cref="OpenDataJob"/>.</summary>
    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.AddSingleton<IOpenDataStore>(s => s.GetRequiredService<FileBackendSettings>().Kind == FileBackendKind.Local
            ? new OpenDataFolder(s.GetRequiredService<StorageSettings>())
            : new SharedOpenDataStore(s.GetRequiredService<IFileBackend>()));
        services.AddScoped<OpenDataDump>();
        return services;
    }
}
