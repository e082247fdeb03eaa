using System.Globalization;
using Gongkai.Core;
using Gongkai.Core.Accounts;
using Gongkai.Core.Requests;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.SignIn;

/// <summary>
/// /admin/sign-in 登录与查询保护: the accounts slowed down after failed sign-ins and the 查询码 with
/// wrong answers or locked, so administrators see an attack and can let a caller in again.
/// </summary>
public sealed class IndexModel(SignInGuard accounts, TrackingFailures codes, CurrentUser me, TimeProvider clock) : PageModel
{
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<SignInWait> Accounts { get; private set; } = [];
    public IReadOnlyList<TrackingFailureView> Codes { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Accounts = await accounts.ListAsync(cancellationToken);
        Codes = await codes.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostClearAccountAsync(string? userName, CancellationToken cancellationToken)
    {
        Message = userName is { Length: > 0 } && await accounts.ClearAsync(userName, me.Actor, cancellationToken)
            ? "已清除该账号的登录失败记录，可立即登录。"
            : "账号不存在。";
        return Redirect("/admin/sign-in");
    }

    public async Task<IActionResult> OnPostClearCodeAsync(string? code, CancellationToken cancellationToken)
    {
        Message = code is { Length: > 0 } && await codes.ClearAsync(code, me.Actor, cancellationToken)
            ? "已解除该查询码的锁定。"
            : "该查询码没有失败记录。";
        return Redirect("/admin/sign-in");
    }

    public static string Time(DateTime? utc) =>
        utc is { } t ? ChinaTime.FromUtc(t).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";
}
