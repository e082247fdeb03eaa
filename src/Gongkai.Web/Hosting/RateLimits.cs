using System.Threading.RateLimiting;

namespace Gongkai.Web.Hosting;

/// <summary>
/// Public forms (login, registration, tracking, requests) take a limited number of submissions per
/// client address per minute; beyond it the answer is 429 with a Chinese explanation.
/// </summary>
public static class RateLimits
{
    public const string PublicForms = "public-forms";

    private static readonly string[] PublicFormPaths =
        ["/account/login", "/account/login-2fa", "/account/register", "/track", "/requests/new", "/api/v1/requests", "/api/v1/requests/track", "/api/v1/requests/track/letter"];

    public static void AddPublicFormRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Gongkai:PublicFormsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && IsPublicForm(context.Request.Path)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = "60";
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync("提交过于频繁，请一分钟后再试。", cancellationToken);
            };
        });
    }

    private static bool IsPublicForm(PathString path) =>
        PublicFormPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase));
}
