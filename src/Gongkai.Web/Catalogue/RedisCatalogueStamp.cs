using Gongkai.Core.Catalogue;
using StackExchange.Redis;

namespace Gongkai.Web.Catalogue;

/// <summary>The servers' shared count of catalogue changes: one Redis counter.</summary>
public sealed class RedisCatalogueStamp(IConnectionMultiplexer redis) : ICatalogueStamp
{
    private static readonly RedisKey Key = "gongkai:catalogue-stamp";

    public async Task<long?> CurrentAsync()
    {
        // Redis down: the list shows what the rows hold, as every page is then rendered anyway.
        if (!redis.IsConnected) return null;
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(Key);
            return value.IsNull ? 0 : (long)value;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return null;
        }
    }

    public Task AdvanceAsync() => redis.GetDatabase().StringIncrementAsync(Key);
}
