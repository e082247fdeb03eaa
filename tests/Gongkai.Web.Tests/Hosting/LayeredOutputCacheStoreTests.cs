using System.Text;
using Gongkai.Tests;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using StackExchange.Redis;
using Xunit;

namespace Gongkai.Web.Tests.Hosting;

/// <summary>
/// Two servers' output caches on one real redis-server: each keeps pages in its own memory in front
/// of the shared store, and an eviction on one empties the other's memory too.
/// </summary>
public sealed class LayeredOutputCacheStoreTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly string instance = "test-" + Guid.NewGuid().ToString("N")[..8] + ":";
    private readonly List<ServiceProvider> providers = [];
    private readonly List<IConnectionMultiplexer> connections = [];
    private Server a = null!;
    private Server b = null!;

    public async Task InitializeAsync()
    {
        a = await StartAsync("a");
        b = await StartAsync("b");
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in providers) await provider.DisposeAsync();
        foreach (var redis in connections) redis.Dispose();
    }

    [Fact]
    public async Task Get_APageStoredByAnotherServer_ComesFromRedisThenFromMemory()
    {
        await a.Store.SetAsync("/catalog", Page("第一页"), ["catalogue"], Minute, default);

        Text(await b.Store.GetAsync("/catalog", default)).ShouldBe("第一页", "B reads what A stored, through Redis");
        await b.Shared.EvictByTagAsync("catalogue", default);   // gone from Redis, nobody told
        (await b.Shared.GetAsync("/catalog", default)).ShouldBeNull();

        Text(await b.Store.GetAsync("/catalog", default)).ShouldBe("第一页", "B serves its own copy without asking Redis");
    }

    [Fact]
    public async Task EvictByTag_OnA_EmptiesBsMemory()
    {
        await a.Store.SetAsync("/catalog", Page("第一页"), ["catalogue"], Minute, default);
        Text(await b.Store.GetAsync("/catalog", default)).ShouldBe("第一页");

        await a.Store.EvictByTagAsync("catalogue", default);

        (await a.Store.GetAsync("/catalog", default)).ShouldBeNull("A's own memory is emptied at once");
        (await EventuallyNullAsync(b.Store, "/catalog")).ShouldBeTrue("B's memory is emptied when A's message arrives");
    }

    [Fact]
    public async Task EvictByTag_PagesOfOtherTags_ComeBackFromRedis()
    {
        await a.Store.SetAsync("/catalog", Page("第一页"), ["catalogue"], Minute, default);
        await a.Store.SetAsync("/catalog?topic=FinanceAndAudit", Page("财政"), ["topic:FinanceAndAudit"], Minute, default);
        Text(await b.Store.GetAsync("/catalog?topic=FinanceAndAudit", default)).ShouldBe("财政");

        await a.Store.EvictByTagAsync("catalogue", default);
        (await EventuallyNullAsync(b.Store, "/catalog")).ShouldBeTrue();

        Text(await b.Store.GetAsync("/catalog?topic=FinanceAndAudit", default)).ShouldBe("财政", "an untouched page is still in Redis");
        Text(await a.Store.GetAsync("/catalog?topic=FinanceAndAudit", default)).ShouldBe("财政");
    }

    [Fact]
    public async Task Set_ValidForLessThanTheLocalLifetime_IsNotServedFromMemoryAfterIt()
    {
        await a.Store.SetAsync("/feed", Page("订阅"), ["feeds"], TimeSpan.FromMilliseconds(300), default);
        Text(await a.Store.GetAsync("/feed", default)).ShouldBe("订阅");

        await Task.Delay(TimeSpan.FromMilliseconds(1200));

        (await a.Store.GetAsync("/feed", default)).ShouldBeNull("expired in Redis and in memory alike");
    }

    [Fact]
    public async Task RedisUnreachable_PagesAreRenderedAndEvictionSaysSo()
    {
        // A port nobody listens on; the client keeps trying, as the web app's does.
        var down = await StartAsync("down", "127.0.0.1:1,abortConnect=false,connectTimeout=200");

        (await down.Store.GetAsync("/catalog", default)).ShouldBeNull("a miss, rendered, not an error or a wait for the client's timeout");
        await down.Store.SetAsync("/catalog", Page("第一页"), ["catalogue"], Minute, default);
        (await down.Store.GetAsync("/catalog", default)).ShouldBeNull("nothing kept while other servers' evictions cannot arrive");
        await Should.ThrowAsync<RedisConnectionException>(down.Store.EvictByTagAsync("catalogue", default).AsTask());
    }

    private async Task<Server> StartAsync(string origin, string? configuration = null)
    {
        var redis = await ConnectionMultiplexer.ConnectAsync(configuration ?? RedisServer.Instance.Configuration);
        connections.Add(redis);
        var services = new ServiceCollection();
        services.AddStackExchangeRedisOutputCache(o =>
        {
            o.InstanceName = instance;
            o.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(redis);
        });
        var provider = services.BuildServiceProvider();
        providers.Add(provider);
        var shared = provider.GetRequiredService<IOutputCacheStore>();
        return new Server(redis, shared, new LayeredOutputCacheStore(shared, redis, origin + instance, TimeProvider.System, NullLogger.Instance));
    }

    private static async Task<bool> EventuallyNullAsync(IOutputCacheStore store, string key)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);   // well within the local lifetime (10 s)
        while (DateTime.UtcNow < deadline)
        {
            if (await store.GetAsync(key, default) is null) return true;
            await Task.Delay(20);
        }
        return false;
    }

    private static byte[] Page(string text) => Encoding.UTF8.GetBytes(text);

    private static string? Text(byte[]? page) => page is null ? null : Encoding.UTF8.GetString(page);

    private sealed record Server(IConnectionMultiplexer Redis, IOutputCacheStore Shared, LayeredOutputCacheStore Store);
}
