using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Account;

public sealed class LoginModel(SignInManager<User> signIn, UserManager<User> users, AuditLog audit, TimeProvider clock) : PageModel
{
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
        var user = await users.FindByNameAsync(UserName);
        var ip = CurrentUser.ClientIp(HttpContext);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        var actor = new AuditActor(user?.Id, user is null ? UserName : $"{user.DisplayName}（{user.UserName}）", ip);
        var entityId = user?.Id.ToString() ?? UserName;

        if (result.Succeeded)
        {
            await audit.RecordNowAsync(actor, AuditAction.LoginSucceeded, nameof(User), entityId, $"{UserName} 登录", cancellationToken);
            if (user!.MustChangePassword) return RedirectToPage("/Account/ChangePassword", new { ReturnUrl });
            return LocalRedirect(await LandingAsync(user));
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl });
        if (result.IsLockedOut)
        {
            await audit.RecordNowAsync(actor, AuditAction.LockedOut, nameof(User), entityId, $"{UserName} 登录被拒：账号已锁定", cancellationToken);
            // An administrator's lock has no end; a lock after wrong passwords ends by itself.
            ModelState.AddModelError("", user!.LockoutEnd > clock.GetUtcNow().AddYears(1)
                ? "账号已停用。如有疑问，请联系系统管理员。"
                : "账号已被锁定。请15分钟后再试，或联系系统管理员。");
            return Page();
        }
        await audit.RecordNowAsync(actor, AuditAction.LoginFailed, nameof(User), entityId,
            user is null ? $"以不存在的用户名 {UserName} 登录失败" : $"{UserName} 密码错误", cancellationToken);
        ModelState.AddModelError("", "用户名或密码不正确。");
        return Page();
    }

    private async Task<string> LandingAsync(User user)
    {
        if (Url.IsLocalUrl(ReturnUrl)) return ReturnUrl!;
        var roles = await users.GetRolesAsync(user);
        return roles.Any(r => Roles.Staff.Contains(r)) ? "/staff" : "/";
    }
}
