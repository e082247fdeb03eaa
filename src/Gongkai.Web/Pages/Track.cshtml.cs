using Gongkai.Domain.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>
/// /track: looking a request up by its 查询码. A mistyped code is told apart from an unknown one by
/// the code's check character. No request is stored until the requests feature, so every valid code is not found.
/// </summary>
public sealed class TrackModel : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public string? NotFoundCode { get; private set; }

    public void OnGet() { }

    public IActionResult OnPost()
    {
        if (!TrackingCode.TryParse(Code, out var code))
        {
            ModelState.AddModelError(nameof(Code), "查询码格式不正确，请核对后重新输入。");
            return Page();
        }
        Code = code;
        NotFoundCode = code;
        return Page();
    }
}
