using Gongkai.Core.Catalogue;
using Gongkai.Core.Cluster;
using Gongkai.Web.Hosting;
using Gongkai.Web.Pages.Catalog;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gongkai.Web.Catalogue;

/// <summary>
/// The catalogue's web wiring: the output cache of its public pages and feeds, from which a change
/// evicts only the pages it touches (<see cref="CatalogueTags"/>); the feeds and sitemaps; and, in
/// benchmark mode only, the bare endpoint the catalogue page is measured against.
/// </summary>
public static class CatalogueWeb
{
    /// <summary>Output cache policy of public catalogue pages (list, documents, feeds, sitemaps).</summary>
    public const string CachePolicy = "catalogue";

    /// <summary>The same for feeds and sitemaps, which every change touches.</summary>
    public const string FeedsPolicy = "catalogue-feeds";

    private static readonly RedisChannel ChangesChannel = RedisChannel.Literal("gongkai:catalogue-changes");

    /// <summary>After the announcing server's name: what changed is everything (agencies, categories, an import), not a document.</summary>
    private const string WholeMark = " whole";

    /// <summary>In benchmark mode, a request with this header is rendered without the output cache (neither looked up nor stored).</summary>
    public const string RenderHeader = "X-Gongkai-Render";

    public static IServiceCollection AddCatalogueWeb(this IServiceCollection services, bool benchmark)
    {
        services.AddHostedService<CatalogueRowsUpkeep>();
        services.AddOutputCache(o =>
        {
            o.AddPolicy(CachePolicy, policy => Public(policy, benchmark));
            o.AddPolicy(FeedsPolicy, policy => Public(policy.Tag(CatalogueTags.Feeds), benchmark));
        });
        return services;
    }

    public static void MapCatalogueWeb(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        var changes = app.Services.GetRequiredService<CatalogueChanges>();
        var logger = app.Services.GetRequiredService<ILogger<CatalogueChanges>>();
        var redis = app.Services.GetService<IConnectionMultiplexer>();
        var origin = app.Services.GetRequiredService<ClusterLeases>().Holder;
        // Publishing, withdrawing or a validity change evicts the pages it touches before the step's
        // response is sent. With Redis the cache is shared, so that is every server's copy; without
        // it, another server's copy lives out its minute.
        var stamp = app.Services.GetService<ICatalogueStamp>();
        changes.OnChanged(async change =>
        {
            try
            {
                // Counted first: another server that renders one of these pages once they are evicted reads its rows again.
                if (stamp is not null) await stamp.AdvanceAsync();
                foreach (var tag in CatalogueTags.Touched(change))
                    await store.EvictByTagAsync(tag, CancellationToken.None);
                if (redis is not null)
                    await redis.GetSubscriber().PublishAsync(ChangesChannel, change.Whole ? origin + WholeMark : origin);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogError(e, "Could not evict the cached pages of document {Id}; they expire within a minute", change.DocumentId);
            }
        });
        // What the list rows in memory found changed, here or elsewhere: a page rendered from them
        // before they did (on this server, or on another into the shared cache) does not stay.
        app.Services.GetRequiredService<CatalogueRows>().OnApplied(async applied =>
        {
            try
            {
                foreach (var tag in applied.SelectMany(CatalogueTags.Touched).Distinct(StringComparer.Ordinal))
                    await store.EvictByTagAsync(tag, CancellationToken.None);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogError(e, "Could not evict the cached pages of {Count} changed documents; they expire within a minute", applied.Count);
            }
        });
        // The other servers' changes: bring what this server keeps itself up to date (the facet counts, the list rows).
        if (redis is not null)
            ScaleOut.SubscribeInBackground(redis, ChangesChannel, from =>
            {
                var whole = from.EndsWith(WholeMark, StringComparison.Ordinal);
                if ((whole ? from[..^WholeMark.Length] : from) != origin) _ = changes.NotifyFromElsewhereAsync(whole);
            }, logger);
        app.MapCatalogueList();
        app.MapFeeds();
        app.MapSitemaps();
        if (app.Services.GetRequiredService<IOptions<GongkaiOptions>>().Value.Benchmark)
            app.MapBenchmarkEndpoints();
    }

    private static void Public(OutputCachePolicyBuilder policy, bool benchmark) => policy
        // Anonymous GETs only (the default policy). The cache runs before authentication, so
        // "anonymous" is decided by the sign-in cookie: signed-in staff always see the live page.
        .With(context => !context.HttpContext.Request.Cookies.ContainsKey(WebSetup.AuthCookie)
            && !(benchmark && context.HttpContext.Request.Headers.ContainsKey(RenderHeader)))
        // Evicted by tag when the catalogue changes; the expiry bounds how long a page's facet counts
        // may lag behind a publication that did not touch its list.
        .Expire(TimeSpan.FromSeconds(60))
        .Tag(CatalogueTags.All)
        .VaryByValue(context => new KeyValuePair<string, string>(TextSize.CookieName, context.Request.Cookies[TextSize.CookieName] ?? ""))
        .AddPolicy<CountedLookups>();

    /// <summary>Counts lookups of the output cache (served from it, or rendered) for the hit-rate metric.</summary>
    private sealed class CountedLookups : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.HttpContext.RequestServices.GetRequiredService<GongkaiMetrics>().CacheHit();
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (context.AllowCacheLookup)
                context.HttpContext.RequestServices.GetRequiredService<GongkaiMetrics>().CacheMiss();
            return ValueTask.CompletedTask;
        }
    }
}
