using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Preferences;

/// <summary>
/// 大字版 on or off. A GET, so the form in the layout carries no antiforgery token and public pages
/// are the same for every visitor (and cacheable); the worst a forged link can do is change a font size.
/// </summary>
public sealed class TextSizeModel : PageModel
{
    public IActionResult OnGet(string? size, string? returnUrl)
    {
        var options = new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
        };
        if (size == TextSize.Large) Response.Cookies.Append(TextSize.CookieName, TextSize.Large, options);
        else Response.Cookies.Delete(TextSize.CookieName);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
