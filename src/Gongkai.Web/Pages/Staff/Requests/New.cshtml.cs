using Gongkai.Core;
using Gongkai.Core.Agencies;
using Gongkai.Core.Requests;
using Gongkai.Domain.Requests;
using Gongkai.Web.Hosting;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// /staff/requests/new: registering a request that arrived in person, by post or by fax, received on
/// the day entered (条例第三十一条). The same applicant asking for similar information again is shown
/// first, to be confirmed.
/// </summary>
public sealed class NewModel(AgencyDirectory agencies, RequestIntake intake, DuplicateFinder duplicates, OfficeClock clock, CurrentUser me) : PageModel
{
    [BindProperty] public RequestInput Input { get; set; } = new() { DeliveryForm = DeliveryForm.Paper };
    [BindProperty] public RegistrationInput Registration { get; set; } = new();
    [BindProperty] public bool ConfirmDuplicate { get; set; }
    [BindProperty] public IFormFile? IdentityProof { get; set; }
    [BindProperty] public IFormFile? Authorization { get; set; }
    [BindProperty] public List<IFormFile> Supporting { get; set; } = [];

    public string AgencyName { get; private set; } = "";
    public IReadOnlyList<DuplicateMatch> Duplicates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Registration = Registration with { ReceivedOn = clock.Today };
        return await LoadAsync(cancellationToken) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return Forbid();
        Input = Input with { AgencyId = me.AgencyId!.Value };
        if (!ModelState.IsValid)
            return Page();
        if (!ConfirmDuplicate)
        {
            Duplicates = await duplicates.FindAsync(Input.AgencyId, Input.IdentityNumber, Input.ApplicantName, Input.Phone, Input.Description, null, cancellationToken);
            if (Duplicates.Count > 0)
                return Page();
        }
        var uploads = Uploads.Of(AttachmentKind.IdentityProof, IdentityProof)
            .Concat(Uploads.Of(AttachmentKind.Authorization, Authorization))
            .Concat(Uploads.Of(AttachmentKind.Supporting, Supporting)).ToList();
        var result = await intake.RegisterAsync(Input, Registration, uploads, await me.RequestActorAsync(cancellationToken), cancellationToken);
        if (result.Value is { } request)
        {
            TempData["Message"] = $"已登记申请 {request.Number}，查询码 {request.TrackingCode}，已生成登记回执。请将查询码告知申请人。";
            return Redirect($"/staff/requests/{request.Id}");
        }
        foreach (var e in result.Errors)
            ModelState.AddModelError(Field(e), e.Message);
        return Page();
    }

    private static string Field(FieldError e) =>
        Enum.TryParse<AttachmentKind>(e.Field, out _) ? e.Field
        : e.Field is nameof(RegistrationInput.Channel) or nameof(RegistrationInput.ReceivedOn) ? "Registration." + e.Field
        : "Input." + e.Field;

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var actor = await me.RequestActorAsync(cancellationToken);
        if (actor.AgencyId is not { } agency || !actor.CanHandle(agency))
            return false;
        AgencyName = await agencies.NameAsync(agency, cancellationToken) ?? "";
        return true;
    }
}
