using Gongkai.Core;
using Gongkai.Core.Requests;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Requests.SignOff;
using Gongkai.Domain.Letters;
using Gongkai.Web.Hosting;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Letters;

/// <summary>
/// /staff/letters/{id}: a drafted letter on its way through 承办 → 审核 → 法制审核 → 签发 — its text
/// (editable by the handler while it is theirs), the actions the viewer may take at its stage, and
/// its history. Outside the viewer's agencies it does not exist (404).
/// </summary>
public sealed class DraftModel(LetterDrafts drafts, AgencyLetters agencies, LetterService letters, CurrentUser me) : PageModel
{
    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["drafted"] = "已生成文书草稿。请核对、修改文书正文后提交；文书日期以签发之日为准，签发时办理该步骤。",
        ["saved"] = "已保存。",
        ["submitted"] = "已提交。",
        ["approved"] = "已审核通过，送下一环节。",
        ["returned"] = "已退回承办人修改。",
        ["regenerated"] = "已按今日重新生成文书，原修改已放弃。",
        ["withdrawn"] = "文书草稿已撤销。",
        ["signed"] = "已签发：该步骤已办理，文书已编号，PDF 原件已生成。",
    };

    [FromRoute] public int Id { get; set; }
    [FromQuery] public string? Done { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public DraftView View { get; private set; } = null!;
    public RequestActor Actor { get; private set; } = null!;
    /// <summary>At 签发: the number the letter will get.</summary>
    public string? NextNumber { get; private set; }
    public string? DoneMessage => Done is not null && Messages.TryGetValue(Done, out var m) ? m : null;
    public LetterDraft Draft => View.Draft;

    /// <summary>Where the draft goes when submitted.</summary>
    public SignOffStage SubmitsTo => View.Chain.Next(SignOffStage.Drafting, Draft.IsRefusal);

    /// <summary>The comment it was last returned with, while it is back with the handler.</summary>
    public LetterDraftEvent? LastReturn => Draft.Stage == SignOffStage.Drafting ? View.History.LastOrDefault(e => e.Action == SignOffAction.Returned) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken) =>
        ActAsync(actor => drafts.SaveAsync(Id, Version, Body, actor, cancellationToken), "saved", cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken) =>
        ActAsync(actor => drafts.SubmitAsync(Id, Version, Body, actor, cancellationToken), "submitted", cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        ActAsync(actor => drafts.ApproveAsync(Id, Version, Comment, actor, cancellationToken), "approved", cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken cancellationToken) =>
        ActAsync(actor => drafts.ReturnAsync(Id, Version, Comment, actor, cancellationToken), "returned", cancellationToken);

    public Task<IActionResult> OnPostRegenerateAsync(CancellationToken cancellationToken) =>
        ActAsync(actor => drafts.RegenerateAsync(Id, Version, actor, cancellationToken), "regenerated", cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken) =>
        ActAsync(actor => drafts.WithdrawAsync(Id, Version, Comment, actor, cancellationToken), "withdrawn", cancellationToken);

    /// <summary>签发, then the original PDF printed at once; if printing fails the letter stands and its PDF is printed at the first download.</summary>
    public Task<IActionResult> OnPostSignOffAsync(CancellationToken cancellationToken) =>
        ActAsync(async actor =>
        {
            var signed = await drafts.SignOffAsync(Id, Version, actor, cancellationToken);
            if (signed.Value is { } letter)
            {
                try
                {
                    await letters.PdfAsync(letter, cancellationToken);
                }
                catch (InvalidOperationException)
                {
                    // Chromium unavailable: the letter is issued; the next download prints it.
                }
            }
            return signed;
        }, "signed", cancellationToken);

    private async Task<IActionResult> ActAsync<T>(Func<RequestActor, Task<Result<T>>> action, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var result = await action(Actor);
        if (result.Succeeded)
            return Redirect($"/staff/letters/{Id}?done={done}");
        foreach (var e in result.Errors)
            ModelState.AddModelError(e.Field is "Body" or "Comment" ? e.Field : "", e.Message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Actor = await me.RequestActorAsync(cancellationToken);
        if (await drafts.FindAsync(Id, Actor, cancellationToken) is not { } view)
            return false;
        View = view;
        if (view.Draft.Stage == SignOffStage.SignOff)
            NextNumber = await agencies.NextNumberAsync(view.Draft.AgencyId, view.Draft.Kind, cancellationToken);
        return true;
    }
}
