using Gongkai.Core.Accounts;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Account;

[EnableRateLimiting(RateLimits.PublicForms)]
public sealed class RegisterModel(AccountService accounts, SignInManager<User> signIn, CurrentUser me) : PageModel
{
    [BindProperty] public ApplicantInput Input { get; set; } = new();
    [BindProperty] public string ConfirmPassword { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "两次输入的密码不一致。");
            return Page();
        }
        var result = await accounts.RegisterApplicantAsync(Input, me.Actor, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }
        await signIn.SignInAsync(result.Value!, isPersistent: false);
        return Redirect("/track");
    }
}
