using Gongkai.Core.Requests.Letters;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages;

/// <summary>
/// /verify (文书核验): anyone holding a letter checks it — the number and verification code printed
/// on it say whether the platform issued it (agency, title, date, addressee masked); the PDF, when
/// uploaded, whether it is byte for byte the signed-off original. Posts are rate-limited like the
/// other public forms (<see cref="Hosting.RateLimits"/>).
/// </summary>
[EnableRateLimiting(RateLimits.PublicForms)]
public sealed class VerifyModel(LetterVerification verification) : PageModel
{
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public IFormFile? Pdf { get; set; }

    /// <summary>After a valid post: the letter found, or null when the number and code match none.</summary>
    public VerifiedLetter? Found { get; private set; }
    public bool Checked { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await using var pdf = Pdf is { Length: > 0 } f ? f.OpenReadStream() : null;
        var result = await verification.VerifyAsync(Number, Code, pdf, cancellationToken);
        foreach (var e in result.Errors)
            ModelState.AddModelError(e.Field, e.Message);
        Checked = result.Succeeded;
        Found = result.Value;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
