using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Hosting;

/// <summary>Someone signed in with a one-time password can do nothing but change it (or sign out).</summary>
public sealed class MustChangePasswordFilter : IAsyncPageFilter
{
    private static readonly string[] Allowed = ["/Account/ChangePassword", "/Account/Logout", "/Error"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.HasClaim(GongkaiClaimsFactory.MustChangePasswordClaim, "true")
            && !Allowed.Contains(context.ActionDescriptor.ViewEnginePath, StringComparer.Ordinal))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult("/account/change-password");
            return;
        }
        await next();
    }
}
