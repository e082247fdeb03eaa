using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Account;

/// <summary>
/// /account/login. Every failure gets one message, whether the name exists or not, the password is
/// wrong, the account must wait after failures or is disabled, so the page tells no one which names
/// exist; failures slow the account down (<see cref="SignInGuard"/>) instead of locking it, and the
/// audit line never records what was typed as a user name that does not exist (it may be a password).
/// </summary>
[EnableRateLimiting(RateLimits.PublicForms)]
public sealed class LoginModel(SignInManager<User> signIn, UserManager<User> users, SignInGuard guard, AuditLog audit) : PageModel
{
    public const string FailureMessage = "用户名或密码不正确，或账号暂时不能登录。连续输错后须稍候再试；如有疑问，请联系系统管理员。";

    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        UserName = UserName.Trim();
        if (UserName.Length == 0 || Password.Length == 0)
        {
            ModelState.AddModelError("", "请输入用户名和密码。");
            return Page();
        }
        var ip = CurrentUser.ClientIp(HttpContext);
        var user = UserName.Length <= 256 ? await users.FindByNameAsync(UserName) : null;
        if (user is null)
        {
            guard.CheckNoAccount(Password);
            await audit.RecordNowAsync(new AuditActor(null, "未知用户", ip), AuditAction.LoginFailed, nameof(User), "-",
                "以不存在的用户名登录失败（所输入的用户名不记录，以免记下误输的密码）", cancellationToken);
            return Failed();
        }
        var actor = new AuditActor(user.Id, $"{user.DisplayName}（{user.UserName}）", ip);
        if (!await guard.TryBeginAsync(user, cancellationToken))
        {
            await audit.RecordNowAsync(actor, AuditAction.LockedOut, nameof(User), user.Id.ToString(),
                $"{user.UserName} 登录被拒：失败次数过多，须等待至{Beijing(user.SignInWaitUntil)}", cancellationToken);
            return Failed();
        }
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await guard.SucceededAsync(user, cancellationToken);
            await audit.RecordNowAsync(actor, AuditAction.LoginSucceeded, nameof(User), user.Id.ToString(), $"{user.UserName} 登录", cancellationToken);
            if (user.MustChangePassword) return RedirectToPage("/Account/ChangePassword", new { ReturnUrl });
            return LocalRedirect(await LandingAsync(user));
        }
        // With two-factor sign-in the attempt stays counted until the code is right too.
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl });
        await audit.RecordNowAsync(actor, result.IsLockedOut ? AuditAction.LockedOut : AuditAction.LoginFailed, nameof(User), user.Id.ToString(),
            result.IsLockedOut ? $"{user.UserName} 登录被拒：账号已停用" : $"{user.UserName} 密码错误", cancellationToken);
        return Failed();
    }

    private PageResult Failed()
    {
        ModelState.AddModelError("", FailureMessage);
        return Page();
    }

    private static string Beijing(DateTime? utc) =>
        utc is { } t ? Core.ChinaTime.FromUtc(t).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "";

    private async Task<string> LandingAsync(User user)
    {
        if (Url.IsLocalUrl(ReturnUrl)) return ReturnUrl!;
        var roles = await users.GetRolesAsync(user);
        return roles.Any(r => Roles.Staff.Contains(r)) ? "/staff" : "/";
    }
}
