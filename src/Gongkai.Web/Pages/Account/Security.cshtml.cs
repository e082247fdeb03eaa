using System.Text;
using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Gongkai.Web.Pages.Account;

/// <summary>
/// Optional TOTP (RFC 6238) through Identity's authenticator token provider. Turning it on or off
/// asks for the password again, so a session left open is not enough to change how the account signs in.
/// </summary>
public sealed class SecurityModel(UserManager<User> users, SignInManager<User> signIn, SignInGuard guard, AuditLog audit, CurrentUser me,
    IOptions<GongkaiOptions> options) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await PasswordAsync(user, cancellationToken))
            return await RefusedAsync();
        var code = new string(Code.Where(char.IsAsciiDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "动态口令不正确，请核对手机上显示的数字后重试。");
            await LoadAsync();
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordNowAsync(me.Actor, AuditAction.TwoFactorEnabled, nameof(User), user.Id.ToString(), $"{user.UserName} 启用动态口令", cancellationToken);
        await signIn.RefreshSignInAsync(user);
        await LoadAsync();
        Message = "动态口令已启用。";
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await PasswordAsync(user, cancellationToken))
            return await RefusedAsync();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordNowAsync(me.Actor, AuditAction.TwoFactorDisabled, nameof(User), user.Id.ToString(), $"{user.UserName} 停用动态口令", cancellationToken);
        await signIn.RefreshSignInAsync(user);
        await LoadAsync();
        Message = "动态口令已停用。";
        return Page();
    }

    /// <summary>The password typed again, counted against the account like a sign-in.</summary>
    private async Task<bool> PasswordAsync(User user, CancellationToken cancellationToken)
    {
        if (!await guard.TryBeginAsync(user, cancellationToken))
        {
            ModelState.AddModelError(nameof(Password), "尝试次数过多，请稍候再试。");
            return false;
        }
        if (!await users.CheckPasswordAsync(user, Password))
        {
            ModelState.AddModelError(nameof(Password), "密码不正确。");
            return false;
        }
        await guard.SucceededAsync(user, cancellationToken);
        return true;
    }

    private async Task<IActionResult> RefusedAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return false;
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled) return true;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key also renews the security stamp; refresh this session's cookie so it stays valid.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = Grouped(key!);
        var issuer = Uri.EscapeDataString(options.Value.SiteName);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer={issuer}&digits=6";
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.Q, 6));
        return true;
    }

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
