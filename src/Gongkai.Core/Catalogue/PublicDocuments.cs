using Gongkai.Core.Files;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Catalogue;

/// <summary>
/// What the public may see of the catalogue, written once: the catalogue, search, feeds, sitemaps and
/// the open-data files show <see cref="Published"/> documents; a document's own page and its 索引号
/// also answer for a withdrawn one (<see cref="Public"/>), saying it was withdrawn. Drafts, documents
/// in review and discarded ones do not exist for the public.
/// </summary>
public static class DocumentVisibility
{
    // The constant status lets SQLite use the partial indexes (WHERE status = 'Published').
    public static IQueryable<Document> Published(this IQueryable<Document> documents) =>
        documents.Where(d => d.Status == PublishingStatus.Published);

    public static IQueryable<Document> Public(this IQueryable<Document> documents) =>
        documents.Where(d => d.Status == PublishingStatus.Published || d.Status == PublishingStatus.Withdrawn);
}

/// <summary>A published document as a feed lists it.</summary>
public sealed record FeedItem(int Id, string Title, string Publisher, string? IndexNumber, string? DocumentNumber, DateTime PublishedAt, string Excerpt)
{
    /// <summary>The numbers and the 发布机构, then the body's start.</summary>
    public string Summary => string.Join("　", new[]
    {
        IndexNumber is null ? null : "索引号：" + IndexNumber,
        DocumentNumber is null ? null : "文号：" + DocumentNumber,
        "发布机构：" + Publisher,
    }.Where(s => s is not null)) + "\n" + Excerpt;
}

/// <summary>A document as the public sees it, with the documents linked to it both ways.</summary>
public sealed record PublicDocument(Document Document, string AgencyName, IReadOnlyList<DocumentSummary> Interpretations,
    IReadOnlyList<DocumentSummary> ReplacedBy, DateOnly Today)
{
    public bool IsWithdrawn => Document.Status == PublishingStatus.Withdrawn;

    public Validity Validity => Document.ValidityOn(Today);
}

/// <summary>The public's reads of one document: by id (with its files and links) or by its 索引号.</summary>
public sealed class PublicDocuments(GongkaiDbContext db)
{
    public async Task<PublicDocument?> FindAsync(int id, DateOnly today, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking().Public()
            .Include(d => d.Category).Include(d => d.Attachments).ThenInclude(a => a.File).Include(d => d.Interprets).Include(d => d.Replaces)
            .Where(d => d.Id == id)
            .SingleOrDefaultAsync(cancellationToken);
        if (document is null) return null;
        var agency = await db.Agencies.Where(a => a.Id == document.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        var published = db.Documents.AsNoTracking().Published();
        var interpretations = await published.Where(d => d.InterpretsId == id).OrderBy(d => d.Id).Select(DocumentSummary.Projection).ToListAsync(cancellationToken);
        var replacedBy = await published.Where(d => d.ReplacesId == id).OrderBy(d => d.Id).Select(DocumentSummary.Projection).ToListAsync(cancellationToken);
        return new PublicDocument(document, agency, interpretations, replacedBy, today);
    }

    /// <summary>An attachment of a published document (nothing of drafts or withdrawn documents).</summary>
    public Task<StoredFile?> AttachmentAsync(int documentId, int attachmentId, CancellationToken cancellationToken = default) =>
        (from a in db.DocumentAttachments
         join d in db.Documents.Published() on a.DocumentId equals d.Id
         join f in db.StoredFiles on a.FileId equals f.Id
         where a.Id == attachmentId && d.Id == documentId
         select f).AsNoTracking().SingleOrDefaultAsync(cancellationToken);

    /// <summary>The newest published documents (of one agency when given), for the feeds: title, 发布机构, numbers, time and the body's start.</summary>
    public async Task<IReadOnlyList<FeedItem>> NewestAsync(int? agencyId, int take, CancellationToken cancellationToken = default)
    {
        var query = db.Documents.AsNoTracking().Published();
        if (agencyId is { } agency) query = query.Where(d => d.AgencyId == agency);
        return await query.OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id).Take(take)
            .Select(d => new FeedItem(d.Id, d.Title, d.Publisher, d.IndexNumber, d.DocumentNumber, d.PublishedAt!.Value,
                d.BodyText.Length > 200 ? d.BodyText.Substring(0, 200) + "…" : d.BodyText))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The highest id of a published document (0 when none): the sitemap's blocks run up to it.</summary>
    public async Task<int> LastIdAsync(CancellationToken cancellationToken = default) =>
        await db.Documents.Published().MaxAsync(d => (int?)d.Id, cancellationToken) ?? 0;

    /// <summary>The published documents with ids in [from, to), with their publication dates, for a sitemap block.</summary>
    public async Task<IReadOnlyList<(int Id, DateOnly? PublishedOn)>> BlockAsync(int from, int to, CancellationToken cancellationToken = default) =>
        [.. (await db.Documents.AsNoTracking().Published().Where(d => d.Id >= from && d.Id < to)
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.PublishedOn }).ToListAsync(cancellationToken)).Select(d => (d.Id, d.PublishedOn))];

    /// <summary>The document the 索引号 was given to, if the public may see it.</summary>
    public Task<int?> IdOfAsync(IndexNumber number, CancellationToken cancellationToken = default)
    {
        var text = number.ToString();
        return db.Documents.Public().Where(d => d.IndexNumber == text).Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken);
    }
}
