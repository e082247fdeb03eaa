using System.Runtime.CompilerServices;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.OpenData;

/// <summary>Published documents as <see cref="DocumentRecord"/>s, in id order, a page at a time: for the bulk dump and an agency's export.</summary>
internal static class DocumentRecords
{
    private const int Page = 500;

    /// <param name="attachment">How an attachment is named in the output: a path of the export's folder, or the portal's address.</param>
    public static async IAsyncEnumerable<(Document Document, DocumentRecord Record)> PublishedAsync(GongkaiDbContext db, ISet<int>? agencyIds, DateOnly today,
        Func<Document, DocumentAttachment, AttachmentRecord> attachment, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => (a.Name, a.OrganizationCode), cancellationToken);
        var last = 0;
        while (true)
        {
            var query = db.Documents.AsNoTracking().Published().Include(d => d.Category).Include(d => d.Attachments).ThenInclude(a => a.File)
                .Where(d => d.Id > last);
            if (agencyIds is not null) query = query.Where(d => agencyIds.Contains(d.AgencyId));
            var page = await query.OrderBy(d => d.Id).Take(Page).AsSplitQuery().ToListAsync(cancellationToken);
            if (page.Count == 0) yield break;
            last = page[^1].Id;
            var linked = page.SelectMany(d => new[] { d.InterpretsId, d.ReplacesId }).OfType<int>().Distinct().ToList();
            var numbers = await db.Documents.AsNoTracking().Where(d => linked.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.IndexNumber, cancellationToken);
            foreach (var d in page)
            {
                var (name, code) = agencies[d.AgencyId];
                yield return (d, new DocumentRecord
                {
                    Id = d.Id, IndexNumber = d.IndexNumber!, Title = d.Title, AgencyCode = code, Agency = name, Publisher = d.Publisher,
                    DocumentNumber = d.DocumentNumber, Kind = d.Kind.ToString(), Topic = d.Topic.ToString(), Category = d.Category?.Name,
                    Keywords = d.Keywords.Length == 0 ? null : d.Keywords, IssuedOn = d.IssuedOn,
                    PublishedAt = new DateTimeOffset(ChinaTime.FromUtc(d.PublishedAt!.Value), ChinaTime.Offset),
                    ValidUntil = d.ValidUntil, RepealedOn = d.RepealedOn, ValidityNote = d.ValidityNote, Validity = Validities.Label(d.ValidityOn(today)),
                    Interprets = d.InterpretsId is { } i ? numbers.GetValueOrDefault(i) : null,
                    Replaces = d.ReplacesId is { } r ? numbers.GetValueOrDefault(r) : null,
                    BodyText = d.BodyText, BodyHtml = d.BodyHtml,
                    Attachments = [.. d.Attachments.OrderBy(a => a.SortOrder).Select(a => attachment(d, a))],
                });
            }
        }
    }
}
