using Gongkai.Core.Catalogue;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Catalogue;

/// <summary>
/// The catalogue's web wiring: the output cache of its public pages and feeds, emptied whenever
/// the catalogue changes; the feeds and sitemaps; and, in benchmark mode only, the bare endpoint
/// the catalogue page is measured against.
/// </summary>
public static class CatalogueWeb
{
    /// <summary>Output cache policy of public catalogue pages (list, documents, feeds, sitemaps).</summary>
    public const string CachePolicy = "catalogue";

    private const string CacheTag = "catalogue";

    public static IServiceCollection AddCatalogueWeb(this IServiceCollection services)
    {
        services.AddOutputCache(o => o.AddPolicy(CachePolicy, policy => policy
            // Anonymous GETs only (the default policy). The cache runs before authentication, so
            // "anonymous" is decided by the sign-in cookie: signed-in staff always see the live page.
            .With(context => !context.HttpContext.Request.Cookies.ContainsKey(WebSetup.AuthCookie))
            .Expire(TimeSpan.FromSeconds(60))
            .Tag(CacheTag)
            .VaryByValue(context => new KeyValuePair<string, string>(TextSize.CookieName, context.Request.Cookies[TextSize.CookieName] ?? ""))));
        return services;
    }

    public static void MapCatalogueWeb(this WebApplication app)
    {
        // Publishing, withdrawing or a validity change here empties the cache at once; another
        // instance behind the same load balancer catches up within the minute the entries live.
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        app.Services.GetRequiredService<CatalogueChanges>().Changed += () => store.EvictByTagAsync(CacheTag, CancellationToken.None).AsTask().Wait();
        app.MapFeeds();
        app.MapSitemaps();
        if (app.Configuration.GetValue("Gongkai:Benchmark", false))
            app.MapGet("/bench/bare", () => Results.Text("ok")).ExcludeFromDescription();
    }
}
