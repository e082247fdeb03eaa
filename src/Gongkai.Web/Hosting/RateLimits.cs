using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace Gongkai.Web.Hosting;

/// <summary>
/// Public forms and the public API take a limited number of POSTs per client per minute; beyond it
/// the answer is 429 with a Chinese explanation. The limit is endpoint metadata (the page model's
/// <c>[EnableRateLimiting(PublicForms)]</c>, the API group's <c>RequireRateLimiting</c>), never a list of paths, so every
/// spelling of a route that reaches the endpoint (a trailing slash, upper case) is limited. A
/// client is its address, or its /64 network for IPv6, where one holder has them all. Guessing one
/// account or one 查询码 from many addresses is stopped per target in the database
/// (<see cref="Core.Accounts.SignInGuard"/>, <see cref="Core.Requests.TrackingFailures"/>).
/// </summary>
public static class RateLimits
{
    public const string PublicForms = "public-forms";

    /// <summary>The read API: far more generous than forms, but one client cannot read the catalogue a page a millisecond (the bulk dumps are for that).</summary>
    public const string PublicReads = "public-reads";

    public const string Message = "提交过于频繁，请一分钟后再试。";
    public const string ReadsMessage = "访问过于频繁，请一分钟后再试；需要全部数据时请下载 /open-data 的批量数据。";

    public static void AddPublicFormRateLimits(this IServiceCollection services, GongkaiOptions options)
    {
        var perMinute = options.PublicFormsPerMinute;
        var readsPerMinute = options.PublicReadsPerMinute;
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(PublicForms, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("reading")
                : RateLimitPartition.GetFixedWindowLimiter(Client(context),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(PublicReads, context => RateLimitPartition.GetFixedWindowLimiter(Client(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = readsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Pages get the error page (429 says this message there), the API a ProblemDetails.
            o.OnRejected = async (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                if (Problems.IsApi(rejected.HttpContext.Request))
                    await Problems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                        HttpMethods.IsGet(rejected.HttpContext.Request.Method) ? ReadsMessage : Message);
            };
        });
    }

    /// <summary>The partition of a request: its IPv4 address, or the /64 network of its IPv6 address.</summary>
    public static string Client(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }

}
