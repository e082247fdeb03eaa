using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Users;

public sealed class DetailsModel(UserDirectory users, AccountService accounts, AuditLog audit, CurrentUser me) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    public User Account { get; private set; } = null!;
    public string RoleLabels { get; private set; } = "";
    public string? AgencyName { get; private set; }
    public bool Locked { get; private set; }
    public bool Revealed { get; private set; }
    public string? NewPassword { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>Showing a phone number or e-mail in full is recorded: who looked at whose data, and when.</summary>
    public async Task<IActionResult> OnPostRevealAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        await audit.PersonalDataViewedAsync(me.Actor, nameof(User), Id.ToString(),
            $"查看账号 {Account.UserName}（{Account.DisplayName}）的完整联系电话和电子邮箱", cancellationToken);
        Revealed = true;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostLockAsync(bool locked, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        if (Account.Id == me.Id && locked)
        {
            Message = "不能停用自己正在使用的账号。";
            return Page();
        }
        await accounts.SetLockedAsync(Id, locked, me.Actor, cancellationToken);
        await LoadAsync(cancellationToken);
        Message = locked ? "账号已停用。" : "账号已启用。";
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        NewPassword = await accounts.ResetPasswordAsync(Id, me.Actor, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await users.FindAsync(Id, cancellationToken) is not { } view) return false;
        (Account, RoleLabels, AgencyName, Locked) = (view.Account, view.RoleLabels, view.AgencyName, view.Locked);
        return true;
    }
}
