using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Catalogue;

/// <summary>
/// Drafting: creating and changing a document's metadata, body and attachments until it goes to
/// review. Changing an approved document returns it to draft: the review covered the old text.
/// </summary>
public sealed class DocumentDrafts(GongkaiDbContext db, AuditLog audit, FileStore files, UploadInspector inspector, TimeProvider clock)
{
    public async Task<Result<Document>> CreateAsync(DocumentInput input, CatalogueUser user, CancellationToken cancellationToken = default)
    {
        if (!user.CanDraft) return DocumentSteps.Refuse("您没有起草政府信息的权限。");
        var agencyId = user.Scope.IsEverything ? input.AgencyId : user.AgencyId;
        var agency = agencyId is { } id
            ? await user.Scope.Apply(db.Agencies, a => a.Id).SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            : null;
        if (agency is null) return Result<Document>.Failure(nameof(input.AgencyId), "请选择发布信息的机关。");

        var checkedInput = await DocumentValidation.CheckAsync(db, input, agency, clock, cancellationToken);
        if (checkedInput.Errors.Count > 0) return Result<Document>.Failure(checkedInput.Errors);

        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var document = new Document
        {
            AgencyId = agency.Id,
            Title = input.Title.Trim(),
            Publisher = agency.Name,
            Status = PublishingStatus.Draft,
            CreatedAt = now,
            CreatedBy = user.Actor.Id,
        };
        checkedInput.ApplyTo(document, user, now);
        db.Documents.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        DocumentSteps.Record(db, audit, clock, document, user, DocumentEventKind.Created, AuditAction.DocumentCreated, null);
        return await DocumentSteps.SaveAsync(db, document, transaction, cancellationToken);
    }

    public async Task<Result<Document>> UpdateAsync(int id, int version, DocumentInput input, CatalogueUser user, CancellationToken cancellationToken = default)
    {
        if (!user.CanDraft) return DocumentSteps.Refuse("您没有修改政府信息的权限。");
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var document = await DocumentSteps.RequireAsync(db, id, user, cancellationToken);
        if (document.Version != version) return DocumentSteps.Refuse(DocumentSteps.Stale);
        if (!DocumentSteps.TryMove(document, PublishingAction.Edit, out var next, out var refusal)) return DocumentSteps.Refuse(refusal!);
        var agency = await db.Agencies.SingleAsync(a => a.Id == document.AgencyId, cancellationToken);
        var checkedInput = await DocumentValidation.CheckAsync(db, input, agency, clock, cancellationToken);
        if (checkedInput.Errors.Count > 0) return Result<Document>.Failure(checkedInput.Errors);

        var changed = checkedInput.Changes(document);
        if (changed.Count == 0) return Result<Document>.Success(document);
        var wasApproved = document.Status == PublishingStatus.Approved;
        checkedInput.ApplyTo(document, user, clock.GetUtcNow().UtcDateTime);
        document.Status = next;
        DocumentSteps.Record(db, audit, clock, document, user, DocumentEventKind.Edited, AuditAction.DocumentUpdated,
            $"修改{string.Join("、", changed)}{(wasApproved ? "；审查通过后又修改，须重新提交保密审查" : "")}");
        return await DocumentSteps.SaveAsync(db, document, transaction, cancellationToken);
    }

    /// <summary>Stores the file (checked by its bytes) and reads its text for the 错敏词 check and search.</summary>
    public async Task<Result<Document>> AddAttachmentAsync(int id, int version, Stream upload, string fileName, CatalogueUser user,
        CancellationToken cancellationToken = default)
    {
        if (!user.CanDraft) return DocumentSteps.Refuse("您没有修改政府信息的权限。");
        // Read and inspect before taking the write lock: extracting a long PDF's text takes a while.
        await using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= inspector.MaxBytes && (read = await upload.ReadAsync(chunk, cancellationToken)) > 0)
            buffer.Write(chunk, 0, read);
        var check = inspector.Inspect(buffer);
        if (check.Kind is not { } kind) return Result<Document>.Failure("File", check.Refusal!);
        var text = AttachmentText.Extract(buffer.ToArray(), kind);

        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var document = await DocumentSteps.RequireAsync(db, id, user, cancellationToken);
        if (document.Version != version) return DocumentSteps.Refuse(DocumentSteps.Stale);
        if (!DocumentSteps.TryMove(document, PublishingAction.Edit, out var next, out var refusal)) return DocumentSteps.Refuse(refusal!);
        buffer.Position = 0;
        var stored = await files.AddAsync(buffer, fileName, Enum.GetValues<FileKind>(), user.Actor, cancellationToken);
        if (!stored.Succeeded) return Result<Document>.Failure(stored.Errors);
        document.Attachments.Add(new DocumentAttachment
        {
            FileId = stored.Value!.Id,
            File = stored.Value,
            SortOrder = document.Attachments.Count == 0 ? 1 : document.Attachments.Max(a => a.SortOrder) + 1,
            Text = text.Text,
            TextNote = text.Note,
        });
        document.Status = next;
        Touch(document, user);
        DocumentSteps.Record(db, audit, clock, document, user, DocumentEventKind.AttachmentAdded, AuditAction.DocumentUpdated,
            $"添加附件“{stored.Value.FileName}”{(text.Note is null ? "" : "（未能读取文字）")}");
        return await DocumentSteps.SaveAsync(db, document, transaction, cancellationToken);
    }

    public async Task<Result<Document>> RemoveAttachmentAsync(int id, int version, int attachmentId, CatalogueUser user,
        CancellationToken cancellationToken = default)
    {
        if (!user.CanDraft) return DocumentSteps.Refuse("您没有修改政府信息的权限。");
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var document = await DocumentSteps.RequireAsync(db, id, user, cancellationToken);
        if (document.Version != version) return DocumentSteps.Refuse(DocumentSteps.Stale);
        var attachment = document.Attachments.SingleOrDefault(a => a.Id == attachmentId) ?? throw new KeyNotFoundException($"附件 {attachmentId} 不存在。");
        if (!DocumentSteps.TryMove(document, PublishingAction.Edit, out var next, out var refusal)) return DocumentSteps.Refuse(refusal!);
        document.Attachments.Remove(attachment);
        db.DocumentAttachments.Remove(attachment);
        document.Status = next;
        Touch(document, user);
        DocumentSteps.Record(db, audit, clock, document, user, DocumentEventKind.AttachmentRemoved, AuditAction.DocumentUpdated,
            $"删除附件“{attachment.File?.FileName}”");
        return await DocumentSteps.SaveAsync(db, document, transaction, cancellationToken);
    }

    /// <summary>Abandons a draft; it stays, with its history, marked 已作废, and no longer counts against Article 26.</summary>
    public async Task<Result<Document>> DiscardAsync(int id, int version, CatalogueUser user, CancellationToken cancellationToken = default)
    {
        if (!user.CanDraft) return DocumentSteps.Refuse("您没有作废草稿的权限。");
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var document = await DocumentSteps.RequireAsync(db, id, user, cancellationToken);
        if (document.Version != version) return DocumentSteps.Refuse(DocumentSteps.Stale);
        if (!DocumentSteps.TryMove(document, PublishingAction.Discard, out var next, out var refusal)) return DocumentSteps.Refuse(refusal!);
        document.Status = next;
        DocumentSteps.Record(db, audit, clock, document, user, DocumentEventKind.Discarded, AuditAction.DocumentDiscarded, null);
        return await DocumentSteps.SaveAsync(db, document, transaction, cancellationToken);
    }

    /// <summary>
    /// A new draft from a withdrawn document (its metadata, body and attachments), which is how a
    /// published document is corrected: the new one is reviewed and gets its own 索引号.
    /// </summary>
    public async Task<Result<Document>> RedraftAsync(int id, CatalogueUser user, CancellationToken cancellationToken = default)
    {
        if (!user.CanDraft) return DocumentSteps.Refuse("您没有起草政府信息的权限。");
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var source = await DocumentSteps.RequireAsync(db, id, user, cancellationToken);
        if (source.Status != PublishingStatus.Withdrawn) return DocumentSteps.Refuse("只有已撤回的信息才能重新起草。");
        var now = clock.GetUtcNow().UtcDateTime;
        var document = new Document
        {
            AgencyId = source.AgencyId, Title = source.Title, Kind = source.Kind, Topic = source.Topic, CategoryId = source.CategoryId,
            Publisher = source.Publisher, DocumentNumber = source.DocumentNumber, DocumentNumberKey = source.DocumentNumberKey,
            Keywords = source.Keywords, IssuedOn = source.IssuedOn, ValidUntil = source.ValidUntil, InterpretsId = source.InterpretsId,
            ReplacesId = source.ReplacesId, BodyHtml = source.BodyHtml, BodyText = source.BodyText, Status = PublishingStatus.Draft,
            CreatedAt = now, CreatedBy = user.Actor.Id, UpdatedAt = now, UpdatedBy = user.Actor.Id,
        };
        foreach (var a in source.Attachments.OrderBy(a => a.SortOrder))
            document.Attachments.Add(new DocumentAttachment { FileId = a.FileId, SortOrder = a.SortOrder, Text = a.Text, TextNote = a.TextNote });
        db.Documents.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        DocumentSteps.Record(db, audit, clock, document, user, DocumentEventKind.Created, AuditAction.DocumentCreated,
            $"依据已撤回的{source.IndexNumber}重新起草");
        return await DocumentSteps.SaveAsync(db, document, transaction, cancellationToken);
    }

    private void Touch(Document document, CatalogueUser user)
    {
        document.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        document.UpdatedBy = user.Actor.Id;
    }
}
