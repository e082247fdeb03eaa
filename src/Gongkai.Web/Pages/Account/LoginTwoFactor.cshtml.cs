using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Account;

/// <summary>/account/login-2fa: the authenticator's code after the password; wrong codes count against the account like wrong passwords.</summary>
[EnableRateLimiting(RateLimits.PublicForms)]
public sealed class LoginTwoFactorModel(SignInManager<User> signIn, UserManager<User> users, SignInGuard guard, AuditLog audit) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/Login");
        var actor = new AuditActor(user.Id, $"{user.DisplayName}（{user.UserName}）", CurrentUser.ClientIp(HttpContext));
        if (!await guard.TryBeginAsync(user, cancellationToken))
        {
            await audit.RecordNowAsync(actor, AuditAction.LockedOut, nameof(User), user.Id.ToString(), $"{user.UserName} 登录被拒：失败次数过多", cancellationToken);
            ModelState.AddModelError("", "动态口令不正确，或尝试次数过多须稍候再试。");
            return Page();
        }
        var code = new string(Code.Where(char.IsAsciiDigit).ToArray());
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await guard.SucceededAsync(user, cancellationToken);
            await audit.RecordNowAsync(actor, AuditAction.LoginSucceeded, nameof(User), user.Id.ToString(), $"{user.UserName} 以密码和动态口令登录", cancellationToken);
            if (user.MustChangePassword) return RedirectToPage("/Account/ChangePassword");
            var roles = await users.GetRolesAsync(user);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : roles.Any(r => Roles.Staff.Contains(r)) ? "/staff" : "/");
        }
        await audit.RecordNowAsync(actor, result.IsLockedOut ? AuditAction.LockedOut : AuditAction.LoginFailed, nameof(User),
            user.Id.ToString(), $"{user.UserName} 动态口令错误", cancellationToken);
        ModelState.AddModelError("", "动态口令不正确，或尝试次数过多须稍候再试。");
        return Page();
    }
}
