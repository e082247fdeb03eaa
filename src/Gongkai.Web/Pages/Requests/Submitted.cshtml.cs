using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Requests;

/// <summary>/requests/submitted: the tracking code, shown once after submitting (kept in TempData, never in the URL).</summary>
public sealed class SubmittedModel : PageModel
{
    public const string CodeKey = "TrackingCode";
    public const string IdKey = "RequestId";

    public string Code { get; private set; } = "";
    public int Id { get; private set; }

    public IActionResult OnGet()
    {
        if (TempData[CodeKey] is not string code || TempData[IdKey] is not int id)
            return Redirect("/track");
        (Code, Id) = (code, id);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
