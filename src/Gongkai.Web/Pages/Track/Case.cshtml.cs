using Gongkai.Core.Requests;
using Gongkai.Domain.Requests;
using Gongkai.Web.Hosting;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Track;

/// <summary>
/// /track/case/{id}: the applicant's view of a request, for a browser that proved the tracking code
/// (or the applicant's own account): status, dates, letters, messages, and the 补正 form.
/// </summary>
[EnableRateLimiting(RateLimits.PublicForms)]
public sealed class CaseModel(RequestCases cases, RequestCommands commands, TrackingAccess access, CaseFiles caseFiles, CurrentUser me) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool Confirm { get; set; }
    [TempData] public string? Message { get; set; }
    /// <summary>Wrong answers given for the code since the applicant's last access, told once.</summary>
    [TempData(Key = NoticeKey)] public string? Notice { get; set; }

    public const string NoticeKey = "TrackingNotice";

    public RequestCase Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : Redirect("/track");

    /// <summary>A letter to the applicant; opening it on the platform is its electronic delivery when the applicant chose 在线获取.</summary>
    public async Task<IActionResult> OnGetLetterAsync(int letterId, string? format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var download = await caseFiles.LetterAsync(Case, letterId, format, applicant: true, cancellationToken);
        if (download is FileStreamResult)
            await commands.ApplicantOpenedLetterAsync(Id, letterId, Applicant, cancellationToken);
        return download;
    }

    public async Task<IActionResult> OnGetFileAsync(Guid fileId, CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? await caseFiles.AttachmentAsync(Case, fileId, applicant: true, cancellationToken) : NotFound();

    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return Redirect("/track");
        var result = await commands.ApplicantCorrectAsync(Id, Text, Uploads.Of(AttachmentKind.Correction, Files), Applicant, cancellationToken);
        return await AfterAsync(result.Errors, "补正已提交。答复期限自今日起重新计算。", cancellationToken);
    }

    [BindProperty] public string? Reasons { get; set; }

    public async Task<IActionResult> OnPostExplainAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return Redirect("/track");
        var result = await commands.ApplicantExplainAsync(Id, Reasons, Applicant, cancellationToken);
        return await AfterAsync(result.Errors, "申请理由已提交，受理机关审查后将告知您结果。", cancellationToken);
    }

    public async Task<IActionResult> OnPostMessageAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return Redirect("/track");
        var result = await commands.ApplicantMessageAsync(Id, Body ?? "", Applicant, cancellationToken);
        return await AfterAsync(result.Errors, "留言已发送。", cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return Redirect("/track");
        if (!Confirm)
            return await AfterAsync([new Core.FieldError(nameof(Confirm), "请勾选确认撤回。")], "", cancellationToken);
        var result = await commands.ApplicantWithdrawAsync(Id, Reason, Applicant, cancellationToken);
        return await AfterAsync(result.Errors, "申请已撤回。", cancellationToken);
    }

    /// <summary>The applicant in the audit log: their account, or "申请人" with the request's number.</summary>
    private Core.Audit.AuditActor Applicant => me.IsSignedIn
        ? me.Actor
        : new(null, $"申请人（凭查询码，申请 {Case.Request.Number}）", CurrentUser.ClientIp(HttpContext));

    private async Task<IActionResult> AfterAsync(IReadOnlyList<Core.FieldError> errors, string done, CancellationToken cancellationToken)
    {
        if (errors.Count == 0)
        {
            Message = done;
            return Redirect($"/track/case/{Id}");
        }
        foreach (var e in errors)
            ModelState.AddModelError(e.Field, e.Message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!access.Allows(HttpContext, Id) && !await OwnsAsync(cancellationToken))
            return false;
        Response.Headers.CacheControl = "no-store";
        Case = await cases.ForApplicantAsync(Id, cancellationToken);
        foreach (var linked in Case.TransferredTo)
            access.Grant(HttpContext, linked.Id);
        return true;
    }

    private async Task<bool> OwnsAsync(CancellationToken cancellationToken) =>
        me.Id is { } user && (await cases.OwnerAsync(Id, cancellationToken)) == user;
}
