using Gongkai.Core.Requests;
using Gongkai.Domain.Requests;
using Gongkai.Web.Pages.Track;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages;

/// <summary>
/// /track: a request is found by its 查询码 and a second factor (the phone's last four digits or the
/// applicant's name), so a guessed code shows nothing. A mistyped code is told apart by its check
/// character; an unknown code and a wrong factor get the same answer. Wrong answers lock the code
/// for a while (<see cref="TrackingFailures"/>), and the applicant is told of them on the next access.
/// </summary>
[EnableRateLimiting(RateLimits.PublicForms)]
public sealed class TrackModel(RequestTracking tracking, TrackingAccess access) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Factor { get; set; }

    public bool NotFoundMessage { get; private set; }
    public string? LockedMessage { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(Code, out var code))
            ModelState.AddModelError(nameof(Code), "查询码格式不正确，请核对后重新输入。");
        if (string.IsNullOrWhiteSpace(Factor))
            ModelState.AddModelError(nameof(Factor), "请填写手机号码后四位或申请人姓名。");
        if (!ModelState.IsValid)
            return Page();
        Code = code;
        var found = await tracking.TrackAsync(code, Factor, cancellationToken);
        if (found.Request is not { } request)
        {
            if (found.LockedUntil is { } until)
                LockedMessage = TrackingMessages.Locked(until);
            else
                NotFoundMessage = true;
            return Page();
        }
        access.Grant(HttpContext, request.Id);
        if (found.Notice is { } notice)
            TempData[CaseModel.NoticeKey] = TrackingMessages.Notice(notice);
        return Redirect($"/track/case/{request.Id}");
    }
}
