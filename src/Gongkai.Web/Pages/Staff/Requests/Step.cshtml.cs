using Gongkai.Core.Agencies;
using Gongkai.Core.Requests;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Requests.SignOff;
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
public sealed class StepModel(AgencyDirectory agencies, RequestCases cases, RequestCommands commands, LetterDrafts drafts, RequestLedger ledger, OfficeClock clock,
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
    /// <summary>The agency signs this step's letter off: the form drafts it (承办), dated at 签发.</summary>
    public bool Drafts { get; private set; }

    /// <summary>The periods the office sets (补正, 说明理由, internal consultations).</summary>
    public RequestRules Rules { get; private set; } = RequestRules.Default;

    /// <summary>Rows of the split-request table on the decision form.</summary>
    public const int ItemRows = 5;

    public async Task<IActionResult> OnGetAsync(int? days, int? of, string? party, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var r = Case.Request;
        party = string.IsNullOrEmpty(party) ? null : party;
        var awaiting = Case.AwaitingDelivery.FirstOrDefault(a => (of is null || a.Step == of) && (party is null || a.Party == party));
        Input = new StepInput
        {
            Step = Step, Version = r.Version, Date = clock.Today,
            PeriodWorkingDays = Step switch
            {
                RequestStep.RequestCorrection => Rules.CorrectionPeriodDefault,
                RequestStep.RequestReasons => Rules.ReasonsPeriodDefault,
                _ => null,
            },
            WorkingDays = Step == RequestStep.Extend ? days ?? r.ExtensionRequestedDays ?? RequestClock.MaxExtensionWorkingDays : null,
            Reason = Step == RequestStep.Extend ? r.ExtensionReason : null,
            ConsultationKind = ConsultationKind.ThirdParty,
            Of = Step == RequestStep.Deliver && awaiting.Letter is not null ? awaiting.Step : null,
            Party = Step == RequestStep.Deliver ? awaiting.Party : Step == RequestStep.EndConsultation ? Case.Clock.OpenConsultations.FirstOrDefault()?.Started.Party : null,
            // The applicant's chosen form for the applicant's letters; post for parties consulted and third parties told.
            DeliveryChannel = Step != RequestStep.Deliver ? null
                : awaiting.Party is null && awaiting.Letter is not null ? DefaultChannel(r.DeliveryForm) : DeliveryChannel.Post,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var actor = await me.RequestActorAsync(cancellationToken);
        // A drafted step is dated the day of 签发; until then it is tried as of today.
        var input = Input with { Step = Step, Date = Drafts ? clock.Today : Input.Date };
        // The information disclosed goes with the decision; files with other steps (a 送达回证 …) are the office's records.
        var uploads = Uploads.Of(Step == RequestStep.Decide ? AttachmentKind.Disclosed : AttachmentKind.OfficeRecord, Files);
        IReadOnlyList<Core.FieldError> errors;
        // An agency that signs its letters off drafts the step here; it is taken at 签发 (/staff/letters/{id}).
        if (await drafts.NeedsSignOffAsync(Id, input, actor, cancellationToken))
        {
            var drafted = await drafts.DraftAsync(Id, input, actor, uploads, cancellationToken);
            if (drafted.Value is { } draft)
                return Redirect($"/staff/letters/{draft.Id}?done=drafted");
            errors = drafted.Errors;
        }
        else
        {
            var result = await commands.PerformAsync(Id, input, actor, uploads, cancellationToken);
            if (result.Value is { } done)
            {
                var letter = LetterKinds.For(done.ToEvent()) is { } kind ? $"，已生成{LetterKinds.Label(kind)}（可在“文书”中下载 Word 或 PDF）；送达后请登记送达日期" : "";
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
        Rules = await ledger.RulesAsync(found.Request.AgencyId, cancellationToken);
        Drafts = await drafts.DraftsStepAsync(found.Request.AgencyId, Step, cancellationToken);
        if (Step == RequestStep.NotifyFee)
            PerRequestOrdinal = await commands.PerRequestOrdinalAsync(found.Request, cancellationToken);
        if (Step == RequestStep.Transfer)
            Agencies = [.. (await agencies.ChoicesAsync(cancellationToken)).Where(a => a.Id != found.Request.AgencyId)];
        return true;
    }

    private static DeliveryChannel DefaultChannel(DeliveryForm form) => form switch
    {
        DeliveryForm.Paper => DeliveryChannel.Post,
        DeliveryForm.Electronic => DeliveryChannel.Electronic,
        DeliveryForm.Email => DeliveryChannel.Electronic,
        DeliveryForm.Collect => DeliveryChannel.InPerson,
    };

    public static string Day(DateOnly? date) => date is { } d ? WorkingDayTrace.Format(d) : "";
}
