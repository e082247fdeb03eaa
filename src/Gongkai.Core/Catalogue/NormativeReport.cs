using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Catalogue;

/// <summary>One row of table 二 §20(一): 本年制发件数, 本年废止件数, 现行有效件数 of one kind.</summary>
public sealed record NormativeFigures(NormativeKind Kind, int Issued, int Repealed, int InForce);

/// <summary>
/// Table 二 §20(一) of an agency's annual report, computed from the documents it has published:
/// 制发 by 成文日期 (a revision is a new document), 废止 by the repeal date, 现行有效 at the year's
/// end. Withdrawn documents were never properly published and are not counted.
/// </summary>
public sealed class NormativeReport(GongkaiDbContext db)
{
    public async Task<IReadOnlyList<NormativeFigures>> ForAsync(int agencyId, int year, CancellationToken cancellationToken = default)
    {
        var rows = await db.Documents.AsNoTracking()
            .Where(d => d.AgencyId == agencyId && d.Status == PublishingStatus.Published
                        && (d.Kind == DocumentKind.Rule || d.Kind == DocumentKind.NormativeDocument))
            .Select(d => new { d.Kind, d.IssuedOn, d.PublishedOn, d.ValidUntil, d.RepealedOn })
            .ToListAsync(cancellationToken);
        var lives = rows.Select(r => new NormativeLife(r.Kind.Normative()!.Value, r.IssuedOn ?? r.PublishedOn!.Value, r.ValidUntil, r.RepealedOn)).ToList();
        return [.. new[] { NormativeKind.Rule, NormativeKind.NormativeDocument }.Select(kind =>
        {
            var (issued, repealed, inForce) = NormativeStatistics.For(year, kind, lives);
            return new NormativeFigures(kind, issued, repealed, inForce);
        })];
    }
}
