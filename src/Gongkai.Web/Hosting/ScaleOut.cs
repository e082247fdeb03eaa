using Gongkai.Core.Cluster;
using Gongkai.Core.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace Gongkai.Web.Hosting;

/// <summary>
/// What lets several servers share one database: the keys that protect cookies in the database
/// (encrypted there with Gongkai:DataProtection:Certificate when set);
/// with <c>Gongkai:Redis</c>, the output cache in Redis (one copy of each page, evicted by tag for
/// every server) behind a first level in each server's memory (<see cref="LayeredOutputCacheStore"/>)
/// and a Redis channel that tells the others of catalogue changes, with a shared count of them
/// (<see cref="Catalogue.RedisCatalogueStamp"/>); background work once across the
/// servers (<see cref="ClusterJobRunner"/>). Nothing here needs configuring for one server on SQLite.
/// </summary>
public static class ScaleOut
{
    public static void AddScaleOut(this WebApplicationBuilder builder, GongkaiOptions settings)
    {
        var services = builder.Services;
        var keys = services.AddDataProtection().SetApplicationName("Gongkai").PersistKeysToDbContext<GongkaiDbContext>();
        // With a certificate the keys are encrypted in the database (a bad certificate stops the start: GongkaiOptionsValidator).
        if (settings.DataProtection.Load() is { } certificate) keys.ProtectKeysWithCertificate(certificate);

        services.AddSingleton(ClusterJobOptions.FromConfiguration(builder.Configuration));
        services.AddHostedService<ClusterJobRunner>();
        services.AddClusterJob<Core.Search.SearchIndexUpkeep>();

        if (builder.Configuration["Gongkai:Redis"] is { Length: > 0 } redis)
        {
            var options = ConfigurationOptions.Parse(redis);
            // Start even while Redis is down (the cache then misses and /health/ready says so); reconnect by itself.
            options.AbortOnConnectFail = false;
            options.ClientName = "gongkai";
            var connection = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
            services.AddSingleton(_ => connection.Value);
            services.AddStackExchangeRedisOutputCache(o =>
            {
                o.InstanceName = "gongkai:";
                o.ConnectionMultiplexerFactory = () => Task.FromResult(connection.Value);
            });
            services.AddSingleton<Core.Catalogue.ICatalogueStamp>(provider => new Catalogue.RedisCatalogueStamp(connection.Value));
            // The Redis store, with a first level in this server's memory in front of it.
            var redisStore = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
            services.Remove(redisStore);
            services.AddSingleton<IOutputCacheStore>(provider => new LayeredOutputCacheStore(
                (IOutputCacheStore)ActivatorUtilities.CreateInstance(provider, redisStore.ImplementationType!),
                connection.Value, provider.GetRequiredService<ClusterLeases>().Holder, provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<LayeredOutputCacheStore>>()));
        }
    }

    /// <summary>
    /// Listens on a Redis channel without waiting for Redis: a server starts while Redis is down (its
    /// pages are then rendered), and the client sends the subscription once it connects.
    /// </summary>
    public static void SubscribeInBackground(IConnectionMultiplexer redis, RedisChannel channel, Action<string> received, ILogger logger) =>
        redis.GetSubscriber().SubscribeAsync(channel, (_, message) => received(message.ToString())).ContinueWith(
            t => logger.LogWarning(t.Exception, "Not yet listening on {Channel}; Redis is not reachable, the client subscribes once it connects", channel.ToString()),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
