using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Core.Files;
using Gongkai.Core.Requests;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Gongkai.Web.Hosting;

/// <summary>
/// The platform's own metrics (meter "Gongkai"): output cache lookups by result (hit rate), the PDF
/// queue's length, and requests past their answer's due date (counted at most every five minutes,
/// only when scraped).
/// </summary>
public sealed class GongkaiMetrics : IDisposable
{
    public const string MeterName = "Gongkai";
    private static readonly TimeSpan OverdueMaxAge = TimeSpan.FromMinutes(5);

    private readonly Meter meter;
    private readonly Counter<long> cacheLookups;
    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<GongkaiMetrics> logger;
    private long overdue = -1;
    private DateTime overdueAt = DateTime.MinValue;
    private int refreshing;

    public GongkaiMetrics(IMeterFactory meters, PdfRenderQueue pdf, IServiceScopeFactory scopes, ILogger<GongkaiMetrics> logger)
    {
        this.scopes = scopes;
        this.logger = logger;
        meter = meters.Create(MeterName);
        cacheLookups = meter.CreateCounter<long>("gongkai.output_cache.lookups", description: "Lookups of public pages in the output cache, by result (hit, miss)");
        meter.CreateObservableGauge("gongkai.pdf.queue_length", () => pdf.Pending, description: "Documents waiting for or in PDF rendering");
        meter.CreateObservableGauge("gongkai.requests.overdue", ObserveOverdue, description: "Requests for disclosure past their answer's due date");
    }

    public void CacheHit() => cacheLookups.Add(1, new KeyValuePair<string, object?>("result", "hit"));

    public void CacheMiss() => cacheLookups.Add(1, new KeyValuePair<string, object?>("result", "miss"));

    public void Dispose() => meter.Dispose();

    /// <summary>The last count, refreshed in the background when older than five minutes (nothing until the first count is done).</summary>
    private IEnumerable<Measurement<long>> ObserveOverdue()
    {
        if (DateTime.UtcNow - overdueAt > OverdueMaxAge && Interlocked.Exchange(ref refreshing, 1) == 0)
            _ = Task.Run(RefreshOverdueAsync);
        var value = Interlocked.Read(ref overdue);
        return value < 0 ? [] : [new Measurement<long>(value)];
    }

    private async Task RefreshOverdueAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            Interlocked.Exchange(ref overdue, await scope.ServiceProvider.GetRequiredService<RequestQueue>().CountOverdueAsync());
            overdueAt = DateTime.UtcNow;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not count overdue requests for the metrics");
        }
        finally
        {
            Interlocked.Exchange(ref refreshing, 0);
        }
    }
}

/// <summary>
/// OpenTelemetry: metrics (ASP.NET Core's request rate and latency, Npgsql's, the platform's own)
/// scraped by Prometheus at <c>/metrics</c>, which answers only an operator — a bearer token equal to
/// <c>Gongkai:Metrics:Token</c>, or a signed-in 系统管理员; traces (ASP.NET Core, Npgsql) are sent by
/// OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names a collector.
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GongkaiMetrics>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("gongkai"))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter(GongkaiMetrics.MeterName, "Npgsql", "System.Runtime").AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation().AddSource("Npgsql")).UseOtlpExporter();
    }

    public static void MapTelemetry(this WebApplication app)
    {
        var token = app.Configuration["Gongkai:Metrics:Token"];
        app.UseWhen(c => c.Request.Path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase), branch => branch.Use(async (context, next) =>
        {
            if (IsOperator(context, token)) await next(context);
            else context.Response.StatusCode = context.User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        }));
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        // The metrics instance is created on first use: create it now so its gauges are there from the first scrape.
        app.Services.GetRequiredService<GongkaiMetrics>();
    }

    private static bool IsOperator(HttpContext context, string? token)
    {
        if (context.User.IsInRole(Core.Accounts.Roles.Admin)) return true;
        if (string.IsNullOrEmpty(token)) return false;
        var given = context.Request.Headers.Authorization.ToString();
        return given.StartsWith("Bearer ", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given[7..]), Encoding.UTF8.GetBytes(token));
    }
}
