using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Catalogue;

/// <summary>What every use case on a document does: find it within the user's scope, refuse stale or illegal moves, record the step.</summary>
internal static class DocumentSteps
{
    public const string Stale = "该信息已被他人处理或修改，请查看最新内容后再操作。";

    /// <summary>The document, tracked, or null when it does not exist or is outside the user's scope.</summary>
    public static Task<Document?> FindAsync(GongkaiDbContext db, int id, CatalogueUser user, CancellationToken cancellationToken) =>
        user.Scope.Apply(db.Documents, d => d.AgencyId)
            .Include(d => d.Attachments).ThenInclude(a => a.File)
            .Include(d => d.Interprets).Include(d => d.Replaces)
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

    public static async Task<Document> RequireAsync(GongkaiDbContext db, int id, CatalogueUser user, CancellationToken cancellationToken) =>
        await FindAsync(db, id, user, cancellationToken) ?? throw new KeyNotFoundException($"政府信息 {id} 不存在。");

    /// <summary>The status after <paramref name="action"/>, or the workflow's refusal as an error.</summary>
    public static bool TryMove(Document document, PublishingAction action, out PublishingStatus next, out string? refusal)
    {
        try
        {
            next = PublishingWorkflow.Next(document.Status, action);
            refusal = null;
            return true;
        }
        catch (PublishingRuleException e)
        {
            next = document.Status;
            refusal = e.Message;
            return false;
        }
    }

    /// <summary>Adds the history event and the audit line to the unit of work, and marks the document changed.</summary>
    public static void Record(GongkaiDbContext db, AuditLog audit, TimeProvider clock, Document document, CatalogueUser user,
        DocumentEventKind kind, AuditAction action, string? note)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        document.Version++;
        db.DocumentEvents.Add(new DocumentEvent
        {
            DocumentId = document.Id,
            At = now,
            ActorId = user.Actor.Id,
            ActorName = Truncate(user.Actor.Name, 100),
            Kind = kind,
            Note = note is null ? null : Truncate(note, 1000),
        });
        audit.Record(user.Actor, action, nameof(Document), document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{kind.Label()}“{Truncate(document.Title, 80)}”{(document.IndexNumber is { } n ? $"（{n}）" : "")}{(note is null ? "" : "：" + note)}");
    }

    /// <summary>Saves; a concurrent change of the same document (its version moved on) becomes the stale-page refusal.</summary>
    public static async Task<Result<Document>> SaveAsync(GongkaiDbContext db, Document document, UseCaseTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Document>.Failure("", Stale);
        }
        await transaction.CommitAsync(cancellationToken);
        return Result<Document>.Success(document);
    }

    public static Result<Document> Refuse(string message) => Result<Document>.Failure("", message);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
