using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

public static class HealthEndpoint
{
    public sealed record Health(string Status, string Database);

    /// <summary>GET /health: 200 when the database answers a query, 503 otherwise; for load balancers and monitoring.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (GongkaiDbContext db, ILogger<Health> logger, CancellationToken cancellationToken) =>
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM schema_migrations WHERE 1 = 0", cancellationToken);
                return Results.Json(new Health("ok", "ok"));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Health check: database unreachable");
                return Results.Json(new Health("unavailable", "unreachable"), statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).ExcludeFromDescription().DisableAntiforgery();
}
