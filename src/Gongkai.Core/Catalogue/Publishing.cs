using Gongkai.Core.Audit;
using Gongkai.Core.Search;
using Gongkai.Core.Storage;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Catalogue;

/// <summary>
/// 先审查、后公开: a draft passes the 错敏词 check and goes to 保密审查; a reviewer other than its
/// author approves or returns it with a recorded opinion; only then is it published, receiving
/// its 索引号 and entering the catalogue, its counts and the search index in one transaction.
/// Withdrawing takes it out again, with the reason kept in its history.
/// </summary>
public sealed class Publishing(GongkaiDbContext db, AuditLog audit, WordList words, StorageSettings storage, CatalogueChanges changes,
    TimeProvider clock)
{
    public async Task<Result<Document>> SubmitAsync(int id, int version, CatalogueUser user, CancellationToken cancellationToken = default)
    {
        if (!user.CanDraft) return DocumentSteps.Refuse("您没有提交保密审查的权限。");
        var checker = await words.CheckerAsync(cancellationToken);
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var document = await DocumentSteps.RequireAsync(db, id, user, cancellationToken);
        if (document.Version != version) return DocumentSteps.Refuse(DocumentSteps.Stale);
        if (!DocumentSteps.TryMove(document, PublishingAction.SubmitForReview, out var next, out var refusal)) return DocumentSteps.Refuse(refusal!);
        if (document.BodyText.Length == 0 && document.Attachments.Count == 0) return DocumentSteps.Refuse("正文和附件不能都为空。");
        var check = WordCheckReport.For(document, checker);
        if (check.Blocks)
            return DocumentSteps.Refuse($"错敏词检查发现{check.BlockCount}处禁止发布的内容，请修改后再提交保密审查。");
        document.Status = next;
        DocumentSteps.Record(db, audit, clock, document, user, DocumentEventKind.Submitted, AuditAction.DocumentSubmitted, check.Summary());
        return await DocumentSteps.SaveAsync(db, document, transaction, cancellationToken);
    }

    public Task<Result<Document>> ApproveAsync(int id, int version, string? opinion, CatalogueUser user, CancellationToken cancellationToken = default) =>
        ReviewAsync(id, version, PublishingAction.Approve, string.IsNullOrWhiteSpace(opinion) ? "经保密审查，同意公开" : opinion.Trim(), user, cancellationToken);

    public Task<Result<Document>> RejectAsync(int id, int version, string? opinion, CatalogueUser user, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(opinion)
            ? Task.FromResult(Result<Document>.Failure("Opinion", "退回时请写明审查意见。"))
            : ReviewAsync(id, version, PublishingAction.Reject, opinion.Trim(), user, cancellationToken);

    private async Task<Result<Document>> ReviewAsync(int id, int version, PublishingAction action, string opinion, CatalogueUser user,
        CancellationToken cancellationToken)
    {
        if (!user.CanReview) return DocumentSteps.Refuse("只有保密审查员或公开办负责人才能进行保密审查。");
        if (opinion.Length > 500) return Result<Document>.Failure("Opinion", "审查意见不能超过500个字。");
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var document = await DocumentSteps.RequireAsync(db, id, user, cancellationToken);
        if (document.Version != version) return DocumentSteps.Refuse(DocumentSteps.Stale);
        if (!DocumentSteps.TryMove(document, action, out var next, out var refusal)) return DocumentSteps.Refuse(refusal!);
        if (user.Actor.Id is { } reviewer && (document.UpdatedBy == reviewer || await SubmitterAsync(id, cancellationToken) == reviewer))
            return DocumentSteps.Refuse("保密审查须由起草、修改和提交人以外的人员进行。");
        document.Status = next;
        DocumentSteps.Record(db, audit, clock, document, user,
            action == PublishingAction.Approve ? DocumentEventKind.Approved : DocumentEventKind.Rejected,
            action == PublishingAction.Approve ? AuditAction.DocumentApproved : AuditAction.DocumentRejected, opinion);
        return await DocumentSteps.SaveAsync(db, document, transaction, cancellationToken);
    }

    public async Task<Result<Document>> PublishAsync(int id, int version, CatalogueUser user, CancellationToken cancellationToken = default)
    {
        if (!user.CanDraft) return DocumentSteps.Refuse("您没有发布政府信息的权限。");
        var checker = await words.CheckerAsync(cancellationToken);
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var document = await DocumentSteps.RequireAsync(db, id, user, cancellationToken);
        if (document.Version != version) return DocumentSteps.Refuse(DocumentSteps.Stale);
        if (!DocumentSteps.TryMove(document, PublishingAction.Publish, out var next, out var refusal)) return DocumentSteps.Refuse(refusal!);
        // The list may have grown since the review.
        var check = WordCheckReport.For(document, checker);
        if (check.Blocks) return DocumentSteps.Refuse($"发布前复查发现{check.BlockCount}处禁止发布的内容，请撤回修改后重新送审。");

        var now = clock.GetUtcNow().UtcDateTime;
        var today = Beijing.DateOf(now);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == document.AgencyId, cancellationToken);
        var serial = await IndexNumbers.NextSerialAsync(db, document.AgencyId, today.Year, cancellationToken);
        document.IndexNumber = new IndexNumber(CreditCode.OrganizationCode(agency.OrganizationCode), today.Year, serial).ToString();
        document.Status = next;
        document.PublishedAt = now;
        document.PublishedOn = today;
        if (document.Replaces is { Status: PublishingStatus.Published } replaced) Supersede(replaced, document, user, today);
        await CatalogueCounts.AddAsync(db, document, +1, cancellationToken);
        await new SearchIndex(db, storage).AddAsync(document, cancellationToken);
        DocumentSteps.Record(db, audit, clock, document, user, DocumentEventKind.Published, AuditAction.DocumentPublished, null);
        var result = await DocumentSteps.SaveAsync(db, document, transaction, cancellationToken);
        if (result.Succeeded)
        {
            await changes.NotifyAsync(CatalogueChange.Of(document, anywhereInLists: false));
            // A revision ends the validity of the document it replaces, shown wherever that one is listed.
            if (document.Replaces is { Status: PublishingStatus.Published } superseded) await changes.NotifyAsync(CatalogueChange.Of(superseded, anywhereInLists: true));
        }
        return result;
    }

    public async Task<Result<Document>> WithdrawAsync(int id, int version, string? reason, CatalogueUser user, CancellationToken cancellationToken = default)
    {
        if (!user.CanDraft) return DocumentSteps.Refuse("您没有撤回政府信息的权限。");
        if (string.IsNullOrWhiteSpace(reason)) return Result<Document>.Failure("Reason", "请写明撤回的理由。");
        if (reason.Trim().Length > 500) return Result<Document>.Failure("Reason", "撤回理由不能超过500个字。");
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var document = await DocumentSteps.RequireAsync(db, id, user, cancellationToken);
        if (document.Version != version) return DocumentSteps.Refuse(DocumentSteps.Stale);
        if (!DocumentSteps.TryMove(document, PublishingAction.Withdraw, out var next, out var refusal)) return DocumentSteps.Refuse(refusal!);
        document.Status = next;
        document.WithdrawnAt = clock.GetUtcNow().UtcDateTime;
        document.WithdrawalReason = reason.Trim();
        await CatalogueCounts.AddAsync(db, document, -1, cancellationToken);
        await new SearchIndex(db, storage).RemoveAsync(document.Id, cancellationToken);
        DocumentSteps.Record(db, audit, clock, document, user, DocumentEventKind.Withdrawn, AuditAction.DocumentWithdrawn, document.WithdrawalReason);
        var result = await DocumentSteps.SaveAsync(db, document, transaction, cancellationToken);
        if (result.Succeeded) await changes.NotifyAsync(CatalogueChange.Of(document, anywhereInLists: true));
        return result;
    }

    /// <summary>A revision replaces the document it revises: that one is in force up to the day before.</summary>
    private void Supersede(Document replaced, Document revision, CatalogueUser user, DateOnly today)
    {
        var lastDay = today.AddDays(-1);
        if (replaced.ValidUntil is { } until && until <= lastDay) return;
        replaced.ValidUntil = lastDay;
        replaced.ValidityNote = $"被《{revision.Title}》（{revision.DocumentNumber ?? revision.IndexNumber}）替代";
        DocumentSteps.Record(db, audit, clock, replaced, user, DocumentEventKind.ValidityChanged, AuditAction.DocumentValidityChanged,
            $"自{Beijing.Text(today)}起失效：{replaced.ValidityNote}");
    }

    private Task<Guid?> SubmitterAsync(int id, CancellationToken cancellationToken) =>
        db.DocumentEvents.Where(e => e.DocumentId == id && e.Kind == DocumentEventKind.Submitted)
            .OrderByDescending(e => e.Id).Select(e => e.ActorId).FirstOrDefaultAsync(cancellationToken);
}
