using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Catalogue;

/// <summary>
/// One row of table 二 §20(一): 本年制发件数, 本年新公开 (2019 template), 本年废止件数 (with how many of them
/// expired: 自然失效), 现行有效件数 of one kind.
/// </summary>
public sealed record NormativeFigures(NormativeKind Kind, int Issued, int Published, int Repealed, int Expired, int InForce);

/// <summary>
/// Table 二 §20(一) of an agency's annual report, computed from the documents it has published:
/// 制发 by 成文日期 (a revision is a new document), 新公开 by 发布日期, 废止 by the repeal date or the
/// end of the term (自然失效, a replaced document included), 现行有效 at the year's end
/// (<see cref="NormativeStatistics"/>). Withdrawn documents were never properly published and are not counted.
/// </summary>
public sealed class NormativeReport(GongkaiDbContext db)
{
    public Task<IReadOnlyList<NormativeFigures>> ForAsync(int agencyId, int year, CancellationToken cancellationToken = default) =>
        ForAsync([agencyId], year, cancellationToken);

    /// <summary>The figures of several agencies together (a government's report and the units it covers).</summary>
    public async Task<IReadOnlyList<NormativeFigures>> ForAsync(IReadOnlyCollection<int> agencyIds, int year, CancellationToken cancellationToken = default)
    {
        var rows = await db.Documents.AsNoTracking().Published()
            .Where(d => EF.Constant(agencyIds).Contains(d.AgencyId) && (d.Kind == DocumentKind.Rule || d.Kind == DocumentKind.NormativeDocument))
            .Select(d => new { d.Kind, d.IssuedOn, d.PublishedOn, d.ValidUntil, d.RepealedOn })
            .ToListAsync(cancellationToken);
        var lives = rows.Select(r => new NormativeLife(r.Kind.Normative()!.Value, r.IssuedOn ?? r.PublishedOn!.Value, r.PublishedOn!.Value,
            r.ValidUntil, r.RepealedOn)).ToList();
        return [.. new[] { NormativeKind.Rule, NormativeKind.NormativeDocument }.Select(kind =>
        {
            var y = NormativeStatistics.For(year, kind, lives);
            return new NormativeFigures(kind, y.Issued, y.Published, y.Repealed, y.Expired, y.InForce);
        })];
    }
}
