using Gongkai.Core.Requests;
using Gongkai.Domain.Requests;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>
/// /track: a request is found by its 查询码 and a second factor (the phone's last four digits or the
/// applicant's name), so a guessed code shows nothing. A mistyped code is told apart by its check
/// character; an unknown code and a wrong factor get the same answer.
/// </summary>
public sealed class TrackModel(RequestTracking tracking, TrackingAccess access) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Factor { get; set; }

    public bool NotFoundMessage { get; private set; }

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
        var request = await tracking.FindAsync(code, Factor, cancellationToken);
        if (request is null)
        {
            NotFoundMessage = true;
            return Page();
        }
        access.Grant(HttpContext, request.Id);
        return Redirect($"/track/case/{request.Id}");
    }
}
