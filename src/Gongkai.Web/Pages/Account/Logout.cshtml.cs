using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Account;

/// <summary>Signing out is a POST (with its antiforgery token), so no link on another site can sign anyone out.</summary>
[AllowBeforePasswordChange]
public sealed class LogoutModel(SignInManager<User> signIn, CurrentUser me, AuditLog audit) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (me.Id is { } id)
            await audit.RecordNowAsync(me.Actor, AuditAction.LoggedOut, nameof(User), id.ToString(), $"{me.UserName} 退出登录", cancellationToken);
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
