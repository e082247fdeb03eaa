using Gongkai.Core.Catalogue;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Documents;

/// <summary>A document as the public sees it, with the documents linked to it both ways.</summary>
public sealed record PublicDocument(Document Document, string AgencyName, IReadOnlyList<DocumentSummary> Interpretations,
    IReadOnlyList<DocumentSummary> ReplacedBy, DateOnly Today)
{
    /// <summary>Published or withdrawn documents only: drafts and documents in review do not exist for the public.</summary>
    public static async Task<PublicDocument?> LoadAsync(GongkaiDbContext db, int id, DateOnly today, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking()
            .Include(d => d.Category).Include(d => d.Attachments).ThenInclude(a => a.File).Include(d => d.Interprets).Include(d => d.Replaces)
            .Where(d => d.Id == id && (d.Status == PublishingStatus.Published || d.Status == PublishingStatus.Withdrawn))
            .SingleOrDefaultAsync(cancellationToken);
        if (document is null) return null;
        var agency = await db.Agencies.Where(a => a.Id == document.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        var published = db.Documents.AsNoTracking().Where(d => d.Status == PublishingStatus.Published);
        var interpretations = await published.Where(d => d.InterpretsId == id).OrderBy(d => d.Id).Select(DocumentSummary.Projection).ToListAsync(cancellationToken);
        var replacedBy = await published.Where(d => d.ReplacesId == id).OrderBy(d => d.Id).Select(DocumentSummary.Projection).ToListAsync(cancellationToken);
        return new PublicDocument(document, agency, interpretations, replacedBy, today);
    }

    public bool IsWithdrawn => Document.Status == PublishingStatus.Withdrawn;

    public Validity Validity => Document.ValidityOn(Today);
}
