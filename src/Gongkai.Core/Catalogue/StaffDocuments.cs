using Gongkai.Core.Files;
using Gongkai.Core.Agencies;
using Gongkai.Core.Storage;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Catalogue;

/// <summary>Which documents the staff list shows.</summary>
public enum StaffView
{
    /// <summary>待办: drafts, in review and approved — everything not yet published.</summary>
    Pending,
    Overdue,
    Draft,
    InReview,
    Approved,
    Published,
    Withdrawn,
    Discarded,
}

public sealed record StaffDocumentRow(int Id, string AgencyName, string Title, DocumentKind Kind, PublishingStatus Status, string? IndexNumber,
    DateTime CreatedAt, DateTime UpdatedAt, DateOnly? PublishedOn, PublishDeadline? Deadline);

public sealed record StaffDocumentList(IReadOnlyList<StaffDocumentRow> Rows, bool HasMore, IReadOnlyDictionary<StaffView, int> Counts);

/// <summary>
/// The staff's reads of their agencies' documents: the list, each pending one with its Article 26
/// deadline computed on the official calendar (overdue drafts are flagged, never stored as overdue),
/// and one document with its category, files, links and history. Outside the scope a document does not exist.
/// </summary>
public sealed class StaffDocuments(GongkaiDbContext db, WorkingCalendar calendar, TimeProvider clock)
{
    public const int PageSize = 50;

    public Task<bool> ExistsAsync(int id, AgencyScope scope, CancellationToken cancellationToken = default) =>
        scope.Apply(db.Documents, d => d.AgencyId).AnyAsync(d => d.Id == id, cancellationToken);

    /// <summary>The document with its category, attachments and the documents it interprets or replaces.</summary>
    public Task<Document?> FindAsync(int id, AgencyScope scope, CancellationToken cancellationToken = default) =>
        scope.Apply(db.Documents.AsNoTracking(), d => d.AgencyId)
            .Include(d => d.Category).Include(d => d.Attachments).ThenInclude(a => a.File).Include(d => d.Interprets).Include(d => d.Replaces)
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

    /// <summary>An attachment of a document in the scope, in any state.</summary>
    public Task<StoredFile?> AttachmentAsync(int documentId, int attachmentId, AgencyScope scope, CancellationToken cancellationToken = default) =>
        (from a in db.DocumentAttachments
         join d in scope.Apply(db.Documents, d => d.AgencyId) on a.DocumentId equals d.Id
         join f in db.StoredFiles on a.FileId equals f.Id
         where a.Id == attachmentId && d.Id == documentId
         select f).AsNoTracking().SingleOrDefaultAsync(cancellationToken);

    /// <summary>Every step of the document's life, oldest first.</summary>
    public Task<List<DocumentEvent>> HistoryAsync(int id, CancellationToken cancellationToken = default) =>
        db.DocumentEvents.AsNoTracking().Where(e => e.DocumentId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken);

    public async Task<StaffDocumentList> ListAsync(CatalogueUser user, StaffView view, string? text, int page, CancellationToken cancellationToken = default)
    {
        var today = Beijing.Today(clock);
        var visible = user.Scope.Apply(db.Documents.AsNoTracking(), d => d.AgencyId);
        var pending = await visible
            .Where(d => d.Status == PublishingStatus.Draft || d.Status == PublishingStatus.InReview || d.Status == PublishingStatus.Approved)
            .Select(d => new { d.Id, d.CreatedAt }).ToListAsync(cancellationToken);
        var overdue = pending.Where(p => Deadline(p.CreatedAt, today).IsOverdue).Select(p => p.Id).ToList();
        var byStatus = await visible.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var counts = new Dictionary<StaffView, int>
        {
            [StaffView.Pending] = pending.Count,
            [StaffView.Overdue] = overdue.Count,
            [StaffView.Draft] = byStatus.GetValueOrDefault(PublishingStatus.Draft),
            [StaffView.InReview] = byStatus.GetValueOrDefault(PublishingStatus.InReview),
            [StaffView.Approved] = byStatus.GetValueOrDefault(PublishingStatus.Approved),
            [StaffView.Published] = byStatus.GetValueOrDefault(PublishingStatus.Published),
            [StaffView.Withdrawn] = byStatus.GetValueOrDefault(PublishingStatus.Withdrawn),
            [StaffView.Discarded] = byStatus.GetValueOrDefault(PublishingStatus.Discarded),
        };

        var query = view switch
        {
            StaffView.Pending => visible.Where(d => d.Status == PublishingStatus.Draft || d.Status == PublishingStatus.InReview || d.Status == PublishingStatus.Approved),
            StaffView.Overdue => visible.Where(d => overdue.Contains(d.Id)),
            StaffView.Draft => visible.Where(d => d.Status == PublishingStatus.Draft),
            StaffView.InReview => visible.Where(d => d.Status == PublishingStatus.InReview),
            StaffView.Approved => visible.Where(d => d.Status == PublishingStatus.Approved),
            StaffView.Published => visible.Published(),
            StaffView.Withdrawn => visible.Where(d => d.Status == PublishingStatus.Withdrawn),
            StaffView.Discarded => visible.Where(d => d.Status == PublishingStatus.Discarded),
        };
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            query = query.Where(d => d.Title.Contains(t) || (d.DocumentNumber != null && d.DocumentNumber.Contains(t)) || (d.IndexNumber != null && d.IndexNumber.Contains(t)));
        }
        // Pending work oldest first (the nearest deadline on top); the rest newest first.
        query = view is StaffView.Pending or StaffView.Overdue or StaffView.Draft or StaffView.InReview or StaffView.Approved
            ? query.OrderBy(d => d.Id)
            : query.OrderByDescending(d => d.Id);
        var rows = await query.Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize + 1)
            .Select(d => new { d.Id, Agency = d.Agency!.Name, d.Title, d.Kind, d.Status, d.IndexNumber, d.CreatedAt, d.UpdatedAt, d.PublishedOn })
            .ToListAsync(cancellationToken);
        return new StaffDocumentList(
            rows.Take(PageSize).Select(r => new StaffDocumentRow(r.Id, r.Agency, r.Title, r.Kind, r.Status, r.IndexNumber, r.CreatedAt, r.UpdatedAt,
                r.PublishedOn, PublishingWorkflow.IsPending(r.Status) ? Deadline(r.CreatedAt, today) : null)).ToList(),
            rows.Count > PageSize,
            counts);
    }

    public PublishDeadline Deadline(DateTime createdAt, DateOnly today) =>
        PublishingWorkflow.Deadline(Beijing.DateOf(createdAt), today, calendar);

    public DateOnly Today => Beijing.Today(clock);
}
