using Gongkai.Core.Accounts;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Account;

[AllowBeforePasswordChange]
public sealed class ChangePasswordModel(UserManager<User> users, SignInManager<User> signIn, AccountService accounts, CurrentUser me) : PageModel
{
    [BindProperty] public string CurrentPassword { get; set; } = "";
    [BindProperty] public string NewPassword { get; set; } = "";
    [BindProperty] public string ConfirmPassword { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool Required => User.HasClaim(GongkaiClaimsFactory.MustChangePasswordClaim, "true");
    public bool Changed { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (NewPassword != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "两次输入的新密码不一致。");
            return Page();
        }
        var wasRequired = user.MustChangePassword;
        var result = await accounts.ChangePasswordAsync(user, CurrentPassword, NewPassword, me.Actor, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, prefix: "");
            return Page();
        }
        // New claims (no more "must change") and a new security stamp: other sessions of this account end.
        await signIn.RefreshSignInAsync(user);
        if (wasRequired)
        {
            var roles = await users.GetRolesAsync(user);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : roles.Any(r => Roles.Staff.Contains(r)) ? "/staff" : "/");
        }
        Changed = true;
        return Page();
    }
}
