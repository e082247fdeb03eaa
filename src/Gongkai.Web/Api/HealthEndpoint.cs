using Gongkai.Core.Files.Backends;
using Gongkai.Core.Storage;
using StackExchange.Redis;

namespace Gongkai.Web.Api;

/// <summary>
/// Health for load balancers and monitoring. <c>/health/live</c>: the process answers (restart it
/// if not). <c>/health/ready</c> (and <c>/health</c>): it can serve — the database answers, Redis
/// (when configured) answers, the file backend is reachable, and it is not stopping; 503 otherwise,
/// so a load balancer sends requests elsewhere, including while a stopping server drains.
/// </summary>
public static class HealthEndpoint
{
    public sealed record Health(string Status, string Database, string Redis, string Files);

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Json(new { status = "ok" })).ExcludeFromDescription().DisableAntiforgery();
        app.MapGet("/health/ready", ReadyAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapGet("/health", ReadyAsync).ExcludeFromDescription().DisableAntiforgery();
    }

    private static async Task<IResult> ReadyAsync(Migrator migrator, IFileBackend files, IServiceProvider services, IHostApplicationLifetime lifetime,
        ILogger<Health> logger, CancellationToken cancellationToken)
    {
        var database = await CheckAsync("database", () => migrator.PingAsync(cancellationToken), logger);
        var redis = services.GetService<IConnectionMultiplexer>() is { } connection
            ? await CheckAsync("Redis", () => connection.GetDatabase().PingAsync(), logger)
            : "none";
        var stored = await CheckAsync("file backend", () => files.CheckAsync(cancellationToken), logger);
        var stopping = lifetime.ApplicationStopping.IsCancellationRequested;
        var ready = !stopping && database == "ok" && (redis is "ok" or "none") && stored == "ok";
        return Results.Json(new Health(stopping ? "stopping" : ready ? "ok" : "unavailable", database, redis, stored),
            statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<string> CheckAsync(string what, Func<Task> check, ILogger logger)
    {
        try
        {
            await check();
            return "ok";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Health check: {What} unreachable", what);
            return "unreachable";
        }
    }
}
