using Microsoft.AspNetCore.Authentication;

namespace Gongkai.Web.Hosting;

/// <summary>Marks an endpoint someone signed in with a one-time password may still use (changing it, signing out, the error page).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AllowBeforePasswordChangeAttribute : Attribute;

/// <summary>
/// Someone signed in with a one-time password can do nothing but change it (or sign out), on every
/// endpoint: pages are redirected to the change, the API answers 403. So the administrator who
/// issued the password cannot act as that person, not even through /api/v1/staff.
/// </summary>
public static class MustChangePassword
{
    public const string Path = "/account/change-password";
    public const string Message = "须先修改一次性密码，才能使用此账号。";

    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.User.HasClaim(GongkaiClaimsFactory.MustChangePasswordClaim, "true")
            || context.GetEndpoint() is not { } endpoint
            || endpoint.Metadata.GetMetadata<AllowBeforePasswordChangeAttribute>() is not null)
        {
            await next(context);
            return;
        }
        if (Problems.IsApi(context.Request))
            await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, Message);
        else
            context.Response.Redirect(Path);
    });
}
