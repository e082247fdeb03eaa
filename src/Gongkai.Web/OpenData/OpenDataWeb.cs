using Gongkai.Core.Cluster;
using Gongkai.Core.OpenData;
using Gongkai.Web.Hosting;

namespace Gongkai.Web.OpenData;

/// <summary>
/// The bulk downloads (政务数据开放): the cluster job that makes each day's dump on one server, and
/// /open-data/{day}/{file}, which streams (ranges allowed) only the files a complete dump's manifest
/// lists, from the data folder or the shared file store, so every server serves the same dump.
/// </summary>
public static class OpenDataWeb
{
    public static IServiceCollection AddOpenDataWeb(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new OpenDataOptions(configuration.GetValue("Gongkai:OpenData:Enabled", true), configuration.GetValue("Gongkai:OpenData:Hour", 2));
        services.AddSingleton(options);
        if (options.Enabled) services.AddClusterJob<OpenDataJob>();
        return services;
    }

    public static void MapOpenDataWeb(this IEndpointRouteBuilder app) =>
        app.MapGet("/open-data/{day}/{file}", async (string day, string file, IOpenDataStore store, CancellationToken cancellationToken) =>
                await store.OpenAsync(day, file, cancellationToken) is { } content
                    ? Results.Stream(content.Content, ContentType(file), file, content.LastModified, enableRangeProcessing: true)
                    : Results.NotFound())
            .RequireRateLimiting(RateLimits.PublicReads).ExcludeFromDescription();

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".csv" => "text/csv; charset=utf-8",
        ".jsonl" => "application/jsonl; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };
}
