using Gongkai.Core;
using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Requests;
using Gongkai.Domain.Requests;
using Gongkai.Web.Hosting;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Requests;

/// <summary>/requests/new: the online application (条例第二十九条), with its identity proof and other files.</summary>
[EnableRateLimiting(RateLimits.PublicForms)]
public sealed class NewModel(AgencyDirectory agencies, RequestIntake intake, TrackingAccess tracking, CurrentUser me) : PageModel
{
    [BindProperty] public RequestInput Input { get; set; } = new() { DeliveryForm = DeliveryForm.Electronic };
    [BindProperty] public IFormFile? IdentityProof { get; set; }
    [BindProperty] public IFormFile? Authorization { get; set; }
    [BindProperty] public List<IFormFile> Supporting { get; set; } = [];

    public IReadOnlyList<AgencyChoice> AgencyOptions { get; private set; } = [];
    public Agency? Agency { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "agency")] int? agencyId, CancellationToken cancellationToken)
    {
        if (agencyId is { } id)
            Input = Input with { AgencyId = id };
        if (me.Roles.Contains(Roles.Applicant))
            Input = Input with { ApplicantName = me.DisplayName };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var uploads = Uploads.Of(AttachmentKind.IdentityProof, IdentityProof)
                .Concat(Uploads.Of(AttachmentKind.Authorization, Authorization))
                .Concat(Uploads.Of(AttachmentKind.Supporting, Supporting)).ToList();
            var result = await intake.SubmitAsync(Input, uploads, me.Roles.Contains(Roles.Applicant) ? me.Id : null, me.Actor, cancellationToken);
            if (result.Value is { } request)
            {
                tracking.Grant(HttpContext, request.Id);
                TempData[SubmittedModel.CodeKey] = request.TrackingCode;
                TempData[SubmittedModel.IdKey] = request.Id;
                return Redirect("/requests/submitted");
            }
            ShowErrors(result.Errors);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private void ShowErrors(IEnumerable<FieldError> errors)
    {
        foreach (var e in errors)
            ModelState.AddModelError(Enum.TryParse<AttachmentKind>(e.Field, out _) ? e.Field : "Input." + e.Field, e.Message);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        AgencyOptions = await agencies.ChoicesAsync(cancellationToken);
        Agency = Input.AgencyId > 0 ? await agencies.FindAsync(Input.AgencyId, cancellationToken) : null;
    }
}
