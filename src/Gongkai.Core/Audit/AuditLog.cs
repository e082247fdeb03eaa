using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Audit;

/// <summary>
/// Writes the audit log. <see cref="Record"/> adds the entry to the caller's unit of work, so a state
/// change and its audit line are saved together or not at all. There is no way to change or remove
/// an entry: the model has no such path and the database refuses UPDATE and DELETE.
/// </summary>
public sealed class AuditLog(GongkaiDbContext db, TimeProvider clock)
{
    public AuditEntry Record(AuditActor actor, AuditAction action, string entityType, string entityId, string summary)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actor.Id,
            ActorName = Truncate(actor.Name, 100),
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = Truncate(summary, 500),
            ClientIp = actor.ClientIp,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Records an event that changes nothing else (a login, a view) and saves it at once.</summary>
    public async Task RecordNowAsync(AuditActor actor, AuditAction action, string entityType, string entityId,
        string summary, CancellationToken cancellationToken = default)
    {
        Record(actor, action, entityType, entityId, summary);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Every look at unmasked personal data (身份证号, 手机号, 住址) goes through here, naming what was
    /// shown, so an applicant's data can be traced to each person who saw it.
    /// </summary>
    public Task PersonalDataViewedAsync(AuditActor actor, string entityType, string entityId, string whatWasShown,
        CancellationToken cancellationToken = default) =>
        RecordNowAsync(actor, AuditAction.PersonalDataViewed, entityType, entityId, whatWasShown, cancellationToken);

    /// <summary>One page of the entries the query selects, newest first, and whether another page follows.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Entries, bool HasMore)> PageAsync(AuditQuery query, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        var rows = await query.Apply(db.AuditEntries.AsNoTracking()).Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize + 1).ToListAsync(cancellationToken);
        return (rows.Take(pageSize).ToList(), rows.Count > pageSize);
    }

    /// <summary>The entries the query selects as CSV, streamed.</summary>
    public Task WriteCsvAsync(AuditQuery query, Stream output, CancellationToken cancellationToken = default) =>
        AuditCsv.WriteAsync(query.Apply(db.AuditEntries.AsNoTracking()).AsAsyncEnumerable(), output, cancellationToken);

    /// <summary>The latest entries about one record (e.g. "Request", "42"), newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ForEntityAsync(string entityType, string entityId, int take, CancellationToken cancellationToken = default) =>
        await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken = default) => db.AuditEntries.LongCountAsync(cancellationToken);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
