using System.Globalization;
using Gongkai.Core.Accounts;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Audit;
using Gongkai.Core.Requests;
using Gongkai.Core.Requests.Export;
using Gongkai.Core.Requests.SignOff;
using Gongkai.Domain.Letters;
using Gongkai.Web.Hosting;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// /staff/requests/{id}: the case as the office works it. Outside the viewer's scope the case does
/// not exist (404). Personal data is masked until shown on demand, which is audited.
/// </summary>
public sealed class CaseModel(RequestCases cases, RequestCommands commands, DuplicateFinder duplicates, CaseFiles caseFiles,
    AnnualReportService reports, LetterDrafts drafts, CaseFileExport caseFile, AuditLog audit, CurrentUser me) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public Guid? AssigneeId { get; set; }
    [BindProperty] public int? WorkingDays { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public AttachmentKind Kind { get; set; } = AttachmentKind.Disclosed;
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    [TempData] public string? Message { get; set; }

    public RequestCase Case { get; private set; } = null!;
    public RequestActor Actor { get; private set; } = null!;
    public bool Revealed { get; private set; }
    public IReadOnlyList<DuplicateMatch> Duplicates { get; private set; } = [];
    public IReadOnlyList<User> Handlers { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Log { get; private set; } = [];

    /// <summary>Published annual reports this request figures in: a change now shows on them as drift.</summary>
    public IReadOnlyList<AnnualReportRecord> PublishedReports { get; private set; } = [];

    /// <summary>The letters drafted on this request and their sign-off histories.</summary>
    public IReadOnlyList<(LetterDraft Draft, IReadOnlyList<LetterDraftEvent> History)> Drafts { get; private set; } = [];

    /// <summary>The agency's sign-off chain: with it, a handler drafts even the 延期答复告知书, which the office head's 签发 approves.</summary>
    public SignOffChain Chain { get; private set; } = SignOffChain.Off;

    /// <summary>Steps, assignment and messages; never on a case imported from an old system, which is read-only history.</summary>
    public bool CanHandle => !Case.Request.IsImported && Actor.CanHandle(Case.Request.AgencyId);
    public bool IsHead => Actor.IsOfficeHeadOf(Case.Request.AgencyId);
    public bool CanExport => CanHandle || Actor.IsLegalReviewerOf(Case.Request.AgencyId);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetLetterAsync(int letterId, string? format, CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? await caseFiles.LetterAsync(Case, letterId, format, applicant: false, cancellationToken) : NotFound();

    public async Task<IActionResult> OnGetFileAsync(Guid fileId, CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? await caseFiles.AttachmentAsync(Case, fileId, applicant: false, cancellationToken) : NotFound();

    /// <summary>案卷: the whole file as one PDF (audited: it holds the applicant's personal data).</summary>
    public async Task<IActionResult> OnGetCaseFileAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var exported = await caseFile.ExportAsync(Id, Actor, cancellationToken);
        if (exported.Value is not { } file)
            return Forbid();
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, "application/pdf", file.FileName);
    }

    /// <summary>Shows the identity number, phone, e-mail and address in full, and records who looked.</summary>
    public async Task<IActionResult> OnPostRevealAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        await audit.PersonalDataViewedAsync(me.Actor, "Request", Id.ToString(CultureInfo.InvariantCulture),
            $"查看申请 {Case.Request.Number} 申请人的证件号码、联系电话、电子邮箱和通信地址", cancellationToken);
        Revealed = true;
        Response.Headers.CacheControl = "no-store";
        Log = await LogAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken) =>
        await RunAsync(async actor => (await commands.AssignAsync(Id, AssigneeId, Version, actor, cancellationToken)).Errors, "已更新承办人。", cancellationToken);

    public async Task<IActionResult> OnPostAskExtensionAsync(CancellationToken cancellationToken) =>
        await RunAsync(async actor => (await commands.AskExtensionAsync(Id, Version, WorkingDays, Reason, actor, cancellationToken)).Errors,
            "已提请延期，待公开办负责人审批。", cancellationToken);

    public async Task<IActionResult> OnPostDeclineExtensionAsync(CancellationToken cancellationToken) =>
        await RunAsync(async actor => (await commands.DeclineExtensionAsync(Id, Version, actor, cancellationToken)).Errors, "已退回延期请求。", cancellationToken);

    public async Task<IActionResult> OnPostMessageAsync(CancellationToken cancellationToken) =>
        await RunAsync(async actor => (await commands.PostMessageAsync(Id, Body ?? "", actor, cancellationToken)).Errors, "留言已发送，申请人可在查询页面看到。", cancellationToken);

    public async Task<IActionResult> OnPostAttachAsync(CancellationToken cancellationToken) =>
        await RunAsync(async actor => (await commands.AttachAsync(Id, Uploads.Of(Kind, Files), actor, cancellationToken)).Errors, "材料已上传。", cancellationToken);

    private async Task<IActionResult> RunAsync(Func<RequestActor, Task<IReadOnlyList<Core.FieldError>>> command, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var errors = await command(Actor);
        if (errors.Count == 0)
        {
            Message = done;
            return Redirect($"/staff/requests/{Id}");
        }
        foreach (var e in errors)
            ModelState.AddModelError(e.Field == RequestCommands.ConflictField ? "" : e.Field, e.Message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Actor = await me.RequestActorAsync(cancellationToken);
        if (await cases.FindAsync(Id, Actor.Scope, cancellationToken) is not { } found)
            return false;
        Case = found;
        Duplicates = await duplicates.ForAsync(found.Request, cancellationToken);
        Handlers = await commands.HandlersAsync(found.Request.AgencyId, cancellationToken);
        PublishedReports = await reports.PublishedCountingAsync(found.Request, cancellationToken);
        Log = await LogAsync(cancellationToken);
        Drafts = await drafts.ForRequestAsync(found.Request.Id, cancellationToken);
        Chain = await drafts.ChainAsync(found.Request.AgencyId, cancellationToken);
        return true;
    }

    private Task<IReadOnlyList<AuditEntry>> LogAsync(CancellationToken cancellationToken) =>
        audit.ForEntityAsync("Request", Id.ToString(CultureInfo.InvariantCulture), 100, cancellationToken);
}
