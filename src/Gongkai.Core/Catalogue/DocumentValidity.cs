using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;

namespace Gongkai.Core.Catalogue;

/// <summary>A published document's term and repeal, as the validity form gives them.</summary>
public sealed record ValidityInput(DateOnly? ValidUntil, DateOnly? RepealedOn, string? Note);

/// <summary>
/// The life of a published document after publishing: a term that ends (失效) or a repeal (废止)
/// with the decision behind it. It changes what the catalogue shows and what table 二 §20(一)
/// counts, not the text, so it needs no new review and keeps the 索引号.
/// </summary>
public sealed class DocumentValidity(GongkaiDbContext db, AuditLog audit, CatalogueChanges changes, TimeProvider clock)
{
    public async Task<Result<Document>> ChangeAsync(int id, int version, ValidityInput input, CatalogueUser user, CancellationToken cancellationToken = default)
    {
        if (!user.CanDraft) return DocumentSteps.Refuse("您没有变更有效性的权限。");
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var document = await DocumentSteps.RequireAsync(db, id, user, cancellationToken);
        if (document.Version != version) return DocumentSteps.Refuse(DocumentSteps.Stale);
        if (document.Status != PublishingStatus.Published) return DocumentSteps.Refuse("只有已发布的信息才能变更有效性。");
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        var start = document.IssuedOn ?? document.PublishedOn!.Value;
        var errors = new List<FieldError>();
        if (input.RepealedOn is { } repealed && repealed < start) errors.Add(new(nameof(input.RepealedOn), "废止日期不能早于成文日期。"));
        if (input.ValidUntil is { } until && until < start) errors.Add(new(nameof(input.ValidUntil), "有效期不能早于成文日期。"));
        if (input.RepealedOn is not null && note is null) errors.Add(new(nameof(input.Note), "废止时请写明依据（如废止决定的名称和文号）。"));
        if (note is { Length: > 500 }) errors.Add(new(nameof(input.Note), "说明不能超过500个字。"));
        if (errors.Count > 0) return Result<Document>.Failure(errors);
        if (document.ValidUntil == input.ValidUntil && document.RepealedOn == input.RepealedOn && document.ValidityNote == note)
            return Result<Document>.Success(document);

        document.ValidUntil = input.ValidUntil;
        document.RepealedOn = input.RepealedOn;
        document.ValidityNote = note;
        var today = Beijing.Today(clock);
        DocumentSteps.Record(db, audit, clock, document, user, DocumentEventKind.ValidityChanged, AuditAction.DocumentValidityChanged,
            Describe(input, note, document.ValidityOn(today)));
        var result = await DocumentSteps.SaveAsync(db, document, transaction, cancellationToken);
        if (result.Succeeded) await changes.NotifyAsync(CatalogueChange.Of(document, anywhereInLists: true));
        return result;
    }

    private static string Describe(ValidityInput input, string? note, Validity now)
    {
        var parts = new List<string> { $"现为{Validities.Label(now)}" };
        if (input.RepealedOn is { } r) parts.Add($"自{Beijing.Text(r)}起废止");
        if (input.ValidUntil is { } u) parts.Add($"有效期至{Beijing.Text(u)}");
        if (note is not null) parts.Add(note);
        return string.Join("；", parts);
    }
}
