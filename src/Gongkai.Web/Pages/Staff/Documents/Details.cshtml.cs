using Gongkai.Core;
using Gongkai.Core.Agencies;
using Gongkai.Core.Catalogue;
using Gongkai.Domain.Catalogue;
using Gongkai.Web.Catalogue;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Documents;

/// <summary>
/// /staff/documents/{id}: one document at work — its metadata and body, the 错敏词 check with
/// every match marked, attachments, the actions its status and the user's roles allow, its history.
/// Outside the user's agencies it does not exist (404).
/// </summary>
public sealed class DetailsModel(AgencyDirectory agencies, DocumentDrafts drafts, Publishing publishing, DocumentValidity validity, WordList words,
    StaffDocuments staffDocuments, CurrentUser me) : PageModel
{
    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["saved"] = "已保存。",
        ["submitted"] = "已提交保密审查。",
        ["approved"] = "保密审查通过，可以发布。",
        ["rejected"] = "已退回起草人修改。",
        ["published"] = "已发布。",
        ["withdrawn"] = "已撤回，公众不能再查看该信息。",
        ["discarded"] = "草稿已作废。",
        ["redrafted"] = "已依据撤回的信息重新起草，请修改后送审。",
        ["uploaded"] = "已添加附件。",
        ["removed"] = "已删除附件。",
        ["validity"] = "已变更有效性。",
    };

    [FromRoute] public int Id { get; set; }
    [FromQuery] public string? Done { get; set; }
    public Document Document { get; private set; } = null!;
    public string AgencyName { get; private set; } = "";
    public CatalogueUser Staff { get; private set; } = null!;
    public WordCheckReport Check { get; private set; } = null!;
    public IReadOnlyList<WordCheckView> Sources { get; private set; } = [];
    public IReadOnlyList<DocumentEvent> History { get; private set; } = [];
    public PublishDeadline? Deadline { get; private set; }
    public DateOnly Today => staffDocuments.Today;
    public string? DoneMessage => Done is not null && Messages.TryGetValue(Done, out var m) ? m : null;

    public bool CanEdit => Staff.CanDraft && PublishingWorkflow.Allows(Document.Status, PublishingAction.Edit);
    public bool CanSubmit => Staff.CanDraft && PublishingWorkflow.Allows(Document.Status, PublishingAction.SubmitForReview);
    public bool CanReview => Staff.CanReview && PublishingWorkflow.Allows(Document.Status, PublishingAction.Approve);
    public bool CanPublish => Staff.CanDraft && PublishingWorkflow.Allows(Document.Status, PublishingAction.Publish);
    public bool CanWithdraw => Staff.CanDraft && PublishingWorkflow.Allows(Document.Status, PublishingAction.Withdraw);
    public bool CanDiscard => Staff.CanDraft && PublishingWorkflow.Allows(Document.Status, PublishingAction.Discard);
    public bool CanRedraft => Staff.CanDraft && Document.Status == PublishingStatus.Withdrawn;
    public bool CanChangeValidity => Staff.CanDraft && Document.Status == PublishingStatus.Published;

    /// <summary>A refusal of one field of an action's form (the opinion, the reason, the file).</summary>
    public string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(int version, CancellationToken cancellationToken) =>
        ActAsync(staff => publishing.SubmitAsync(Id, version, staff, cancellationToken), "submitted", cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(int version, string? opinion, CancellationToken cancellationToken) =>
        ActAsync(staff => publishing.ApproveAsync(Id, version, opinion, staff, cancellationToken), "approved", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(int version, string? opinion, CancellationToken cancellationToken) =>
        ActAsync(staff => publishing.RejectAsync(Id, version, opinion, staff, cancellationToken), "rejected", cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int version, CancellationToken cancellationToken) =>
        ActAsync(staff => publishing.PublishAsync(Id, version, staff, cancellationToken), "published", cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(int version, string? reason, CancellationToken cancellationToken) =>
        ActAsync(staff => publishing.WithdrawAsync(Id, version, reason, staff, cancellationToken), "withdrawn", cancellationToken);

    public Task<IActionResult> OnPostDiscardAsync(int version, CancellationToken cancellationToken) =>
        ActAsync(staff => drafts.DiscardAsync(Id, version, staff, cancellationToken), "discarded", cancellationToken);

    public Task<IActionResult> OnPostRedraftAsync(CancellationToken cancellationToken) =>
        ActAsync(staff => drafts.RedraftAsync(Id, staff, cancellationToken), "redrafted", cancellationToken);

    public Task<IActionResult> OnPostRemoveAttachmentAsync(int version, int attachmentId, CancellationToken cancellationToken) =>
        ActAsync(staff => drafts.RemoveAttachmentAsync(Id, version, attachmentId, staff, cancellationToken), "removed", cancellationToken);

    public Task<IActionResult> OnPostValidityAsync(int version, DateOnly? validUntil, DateOnly? repealedOn, string? note, CancellationToken cancellationToken) =>
        ActAsync(staff => validity.ChangeAsync(Id, version, new ValidityInput(validUntil, repealedOn, note), staff, cancellationToken), "validity", cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(int version, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("File", "请选择要上传的文件。");
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
        await using var upload = file.OpenReadStream();
        return await ActAsync(staff => drafts.AddAttachmentAsync(Id, version, upload, file.FileName, staff, cancellationToken), "uploaded", cancellationToken);
    }

    /// <summary>Runs an action on a document in the user's scope; success goes back to the (possibly new) document, a refusal is shown on this page.</summary>
    private async Task<IActionResult> ActAsync(Func<CatalogueUser, Task<Result<Document>>> action, string done, CancellationToken cancellationToken)
    {
        if (!await staffDocuments.ExistsAsync(Id, await me.ScopeAsync(cancellationToken), cancellationToken)) return NotFound();
        var result = await action(await me.CatalogueUserAsync(cancellationToken));
        if (result.Succeeded) return Redirect($"/staff/documents/{result.Value!.Id}?done={done}");
        ModelState.AddCatalogueErrors(result.Errors, "");
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Staff = await me.CatalogueUserAsync(cancellationToken);
        if (await staffDocuments.FindAsync(Id, Staff.Scope, cancellationToken) is not { } document) return false;
        Document = document;
        AgencyName = await agencies.NameAsync(document.AgencyId, cancellationToken) ?? "";
        History = await staffDocuments.HistoryAsync(Id, cancellationToken);
        Check = WordCheckReport.For(document, await words.CheckerAsync(cancellationToken));
        Sources = Check.Sources.Select(WordCheckView.For).ToList();
        Deadline = PublishingWorkflow.IsPending(document.Status) ? staffDocuments.Deadline(document.CreatedAt, staffDocuments.Today) : null;
        return true;
    }
}
