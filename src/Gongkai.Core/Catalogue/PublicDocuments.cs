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
