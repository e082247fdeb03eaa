using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Catalogue;

/// <summary>Finds the published document a 政策解读 explains or a revision replaces, from its 索引号 or 文号 as staff type it.</summary>
internal static class DocumentReferences
{
    public static async Task<Document?> FindPublishedAsync(GongkaiDbContext db, string reference, int? agencyId, CancellationToken cancellationToken)
    {
        var published = db.Documents.Published();
        if (agencyId is { } agency) published = published.Where(d => d.AgencyId == agency);
        if (IndexNumber.TryParse(reference, out var number))
        {
            var text = number.ToString();
            return await published.SingleOrDefaultAsync(d => d.IndexNumber == text, cancellationToken);
        }
        if (DocumentNumber.Key(reference) is not { } key) return null;
        // A 文号 names one document; if it was republished, the newest one is meant.
        return await published.Where(d => d.DocumentNumberKey == key).OrderByDescending(d => d.PublishedAt).FirstOrDefaultAsync(cancellationToken);
    }
}
