using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Gongkai.Web.Requests;

/// <summary>
/// Remembers, in a protected cookie, which requests this browser proved it may follow (查询码 and
/// second factor, or having just submitted it), for two hours, so the tracking page, downloads and
/// the correction form need not ask again. Holds ids only; nothing personal.
/// </summary>
public sealed class TrackingAccess(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "gongkai.track";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    private const int MaxRequests = 10;
    private readonly IDataProtector protector = protection.CreateProtector("Gongkai.Requests.TrackingAccess");

    public void Grant(HttpContext context, int requestId)
    {
        var ids = Granted(context).Where(id => id != requestId).Prepend(requestId).Take(MaxRequests);
        var expires = clock.GetUtcNow().Add(Lifetime);
        var payload = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ":" + string.Join(",", ids);
        context.Response.Cookies.Append(CookieName, protector.Protect(payload), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Expires = expires,
            Path = "/",
        });
    }

    public bool Allows(HttpContext context, int requestId) => Granted(context).Contains(requestId);

    private IReadOnlyList<int> Granted(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is not { Length: > 0 } cookie)
            return [];
        try
        {
            var parts = protector.Unprotect(cookie).Split(':');
            if (DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[0], CultureInfo.InvariantCulture)) < clock.GetUtcNow())
                return [];
            return [.. parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return [];
        }
    }
}
