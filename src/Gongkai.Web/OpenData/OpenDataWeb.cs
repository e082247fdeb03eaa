using Gongkai.Core.OpenData;
using Gongkai.Web.Hosting;

namespace Gongkai.Web.OpenData;

/// <summary>
/// The bulk downloads (政务数据开放): the worker that writes each day's dump in the background and
/// /open-data/{day}/{file}, which serves only the files a complete dump's manifest lists.
/// </summary>
public static class OpenDataWeb
{
    public static IServiceCollection AddOpenDataWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new OpenDataOptions(
            configuration.GetValue("Gongkai:OpenData:Enabled", true),
            TimeSpan.FromSeconds(configuration.GetValue("Gongkai:OpenData:FirstRunDelaySeconds", 60)),
            configuration.GetValue("Gongkai:OpenData:Hour", 2)));
        services.AddHostedService<OpenDataWorker>();
        return services;
    }

    public static void MapOpenDataWeb(this IEndpointRouteBuilder app) =>
        app.MapGet("/open-data/{day}/{file}", (string day, string file, OpenDataFolder folder) =>
                folder.FileOf(day, file) is { } path
                    ? Results.File(path, ContentType(file), file, enableRangeProcessing: true)
                    : Results.NotFound())
            .RequireRateLimiting(RateLimits.PublicReads).ExcludeFromDescription();

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".csv" => "text/csv; charset=utf-8",
        ".jsonl" => "application/jsonl; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };
}
