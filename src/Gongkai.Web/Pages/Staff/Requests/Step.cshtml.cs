using Gongkai.Core.Requests;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Requests.SignOff;
using Gongkai.Core.Storage;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Gongkai.Web.Hosting;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// /staff/requests/{id}/{step}: one step of the case with its form, the rule it follows and the date
/// limits that apply; the clock refuses an illegal step with the rule it breaks, shown on the form.
/// </summary>
public sealed class StepModel(GongkaiDbContext db, RequestCases cases, RequestCommands commands, LetterDrafts drafts, RequestLedger ledger, OfficeClock clock,
    CurrentUser me) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public RequestStep Step { get; set; }
    [BindProperty] public StepInput Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    [TempData] public string? Message { get; set; }

    public RequestCase Case { get; private set; } = null!;
    public bool Allowed { get; private set; }
    public IReadOnlyList<AgencyChoice> Agencies { get; private set; } = [];
    public bool Conflict { get; private set; }
    /// <summary>按件计收: this request's place in its applicant's month, as the fee step will count it.</summary>
    public int PerRequestOrdinal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? days, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var r = Case.Request;
        var calendar = await ledger.CalendarAsync(r.AgencyId, cancellationToken);
        Input = new StepInput
        {
            Step = Step, Version = r.Version, Date = clock.Today,
            Deadline = Step == RequestStep.RequestCorrection ? calendar.AddWorkingDays(clock.Today, 10) : null,
            WorkingDays = Step == RequestStep.Extend ? days ?? r.ExtensionRequestedDays ?? RequestClock.MaxExtensionWorkingDays : null,
            Reason = Step == RequestStep.Extend ? r.ExtensionReason : null,
            ConsultationKind = ConsultationKind.ThirdParty,
            Method = Step == RequestStep.Deliver ? DefaultMethod(r.DeliveryForm) : null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var actor = await me.RequestActorAsync(cancellationToken);
        var input = Input with { Step = Step };
        IReadOnlyList<Core.FieldError> errors;
        // An agency that signs its letters off drafts the step here; it is taken at 签发 (/staff/letters/{id}).
        if (await drafts.NeedsSignOffAsync(Id, input, actor, cancellationToken))
        {
            var drafted = await drafts.DraftAsync(Id, input, actor, Uploads.Of(AttachmentKind.Disclosed, Files), cancellationToken);
            if (drafted.Value is { } draft)
                return Redirect($"/staff/letters/{draft.Id}?done=drafted");
            errors = drafted.Errors;
        }
        else
        {
            var result = await commands.PerformAsync(Id, input, actor, Uploads.Of(AttachmentKind.Disclosed, Files), cancellationToken);
            if (result.Value is { } done)
            {
                var letter = LetterKinds.For(done.ToEvent()) is { } kind ? $"，已生成{LetterKinds.Label(kind)}（可在“文书”中下载 Word 或 PDF）" : "";
                Message = $"已办理：{RequestEventText.Describe(done.ToEvent())}{letter}。";
                return Redirect($"/staff/requests/{Id}");
            }
            errors = result.Errors;
        }
        foreach (var e in errors)
        {
            Conflict |= e.Field == RequestCommands.ConflictField;
            ModelState.AddModelError(e.Field is "" or RequestCommands.ConflictField ? "" : "Input." + e.Field, e.Message);
        }
        db.ChangeTracker.Clear();
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var actor = await me.RequestActorAsync(cancellationToken);
        if (await cases.FindAsync(Id, actor.Scope, cancellationToken) is not { } found || !Enum.IsDefined(Step))
            return false;
        Case = found;
        Allowed = actor.CanHandle(found.Request.AgencyId) && RequestSteps.After(found.Clock.Status).Contains(Step);
        if (Step == RequestStep.NotifyFee)
            PerRequestOrdinal = await commands.PerRequestOrdinalAsync(found.Request, cancellationToken);
        if (Step == RequestStep.Transfer)
            Agencies = [.. (await AgencyChoices.ListAsync(db, cancellationToken)).Where(a => a.Id != found.Request.AgencyId)];
        return true;
    }

    private static string DefaultMethod(DeliveryForm form) => form switch
    {
        DeliveryForm.Paper => "邮寄（挂号信）",
        DeliveryForm.Electronic => "在线获取（申请查询页面）",
        DeliveryForm.Email => "电子邮件",
        DeliveryForm.Collect => "当面领取",
    };

    public static string Day(DateOnly? date) => date is { } d ? WorkingDayTrace.Format(d) : "";
}
