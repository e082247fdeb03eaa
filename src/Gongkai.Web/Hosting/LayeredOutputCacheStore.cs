using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace Gongkai.Web.Hosting;

/// <summary>
/// The output cache of several servers: the shared store in Redis (one copy of each page, evicted
/// by tag for every server) with a first level in this server's memory, so a page served again
/// needs no trip to Redis. Any eviction — here, or on another server, told through a Redis channel —
/// empties the first level: pages the eviction did not touch come back from Redis once. A page
/// fetched from Redis while an eviction runs is not kept here (it goes into the emptied level).
/// When Redis drops the connection, messages may be missed, so the first level is emptied then too,
/// and until Redis is back every page is rendered (no wait for the client's timeout on each request).
/// Entries live at most <see cref="LocalLifetime"/>, and a level holds at most <see cref="LocalBytes"/>.
/// </summary>
public sealed class LayeredOutputCacheStore : IOutputCacheStore, IDisposable
{
    public static readonly RedisChannel Evictions = RedisChannel.Literal("gongkai:output-cache-evictions");

    /// <summary>How long this server keeps a page without asking Redis again.</summary>
    public static readonly TimeSpan LocalLifetime = TimeSpan.FromSeconds(10);

    /// <summary>The most this server keeps in memory before it starts the first level afresh.</summary>
    public const long LocalBytes = 64L * 1024 * 1024;

    private readonly IOutputCacheStore shared;
    private readonly IConnectionMultiplexer redis;
    private readonly string origin;
    private readonly TimeProvider clock;
    private Level current = new();

    public LayeredOutputCacheStore(IOutputCacheStore shared, IConnectionMultiplexer redis, string origin, TimeProvider clock, ILogger logger)
    {
        this.shared = shared;
        this.redis = redis;
        this.origin = origin;
        this.clock = clock;
        // Not waited for: a server starts while Redis is down, and the client subscribes again once it connects.
        ScaleOut.SubscribeInBackground(redis, Evictions, from =>
        {
            if (from != origin) Empty();
        }, logger);
        redis.ConnectionFailed += (_, _) => Empty();
        redis.ConnectionRestored += (_, _) => Empty();
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        // While Redis is unreachable every page is rendered at once, not after the client's timeout;
        // nothing is kept here, as other servers' evictions could not reach this one.
        if (!redis.IsConnected) return null;
        var level = Volatile.Read(ref current);
        var now = clock.GetUtcNow();
        if (level.Entries.TryGetValue(key, out var entry) && entry.Expires > now) return entry.Value;
        var value = await shared.GetAsync(key, cancellationToken);
        if (value is not null) Keep(level, key, value, now + LocalLifetime);
        return value;
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected) return;
        var level = Volatile.Read(ref current);
        var expires = clock.GetUtcNow() + (validFor < LocalLifetime ? validFor : LocalLifetime);
        await shared.SetAsync(key, value, tags, validFor, cancellationToken);
        Keep(level, key, value, expires);
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected)
        {
            Empty();
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, $"Redis is unreachable: pages tagged {tag} stay in the shared cache until they expire");
        }
        try
        {
            await shared.EvictByTagAsync(tag, cancellationToken);
        }
        finally
        {
            // After Redis (a read racing the eviction lands in the discarded level), and even when Redis failed.
            Empty();
        }
        await redis.GetSubscriber().PublishAsync(Evictions, origin);
    }

    /// <summary>Disposes the Redis store too: it was made for this store, so the container does not track it.</summary>
    public void Dispose() => (shared as IDisposable)?.Dispose();

    private void Empty() => Volatile.Write(ref current, new Level());

    private void Keep(Level level, string key, byte[] value, DateTimeOffset expires)
    {
        if (!level.TryKeep(key, value, expires)) Empty();
    }

    private sealed record Entry(byte[] Value, DateTimeOffset Expires);

    /// <summary>One generation of the first level; an eviction replaces it with an empty one.</summary>
    private sealed class Level
    {
        private long bytes;

        public ConcurrentDictionary<string, Entry> Entries { get; } = new(StringComparer.Ordinal);

        /// <summary>False when this level is full (the page is then not kept).</summary>
        public bool TryKeep(string key, byte[] value, DateTimeOffset expires)
        {
            if (Interlocked.Add(ref bytes, value.Length) > LocalBytes) return false;
            Entries[key] = new Entry(value, expires);
            return true;
        }
    }
}
