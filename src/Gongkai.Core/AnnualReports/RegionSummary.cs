using Gongkai.Core.Agencies;
using Gongkai.Core.Storage;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.AnnualReports;

/// <summary>
/// One line of a region's summary: the region's own part (<see cref="IsOwn"/>, its own records) or an
/// agency under it, with its report as it stands (null when its draft is not the viewer's to see), whether
/// it is summed, and the chosen report that already counts it (<see cref="CoveredBy"/>), if any.
/// </summary>
public sealed record RegionUnit(Agency Agency, int Depth, UnitReport? Current, bool Chosen, Agency? CoveredBy = null, bool IsOwn = false)
{
    public bool Summed => Chosen && CoveredBy is null && Current is not null;
}

/// <summary>
/// The region's summary (汇总) for a year: the lines, the summed report and its findings, the
/// region's own report and the region rule's findings on it, and whether the selection is exactly
/// what the region's own report sums.
/// </summary>
public sealed record RegionSummaryView(
    Agency Region,
    int Year,
    IReadOnlyList<RegionUnit> Units,
    AnnualReport? Sum,
    IReadOnlyList<Finding> SumFindings,
    AnnualReportRecord? Own,
    IReadOnlyList<Finding> RegionFindings,
    bool IsOwnScope);

/// <summary>
/// 区域汇总: any selection of a region's own part and the agencies under it, each report as it stands
/// (published or imported as stored; otherwise from the records now, when the viewer may see the
/// draft), summed by <see cref="ReportSummation.Sum"/> without counting a unit twice: a chosen unit
/// that a chosen government's report already covers is left out. The region's own report is checked
/// against what it covers (<see cref="RegionChecks"/>, the government report's own rule), whatever is
/// chosen, so a selection never shows an error the data does not contain (docs/decisions/0022).
/// </summary>
public sealed class RegionSummary(GongkaiDbContext db, ReportGenerator generator, ReportScopes scopes)
{
    public async Task<RegionSummaryView> ForAsync(int regionId, int year, IReadOnlyCollection<int>? chosen, AgencyScope viewer,
        CancellationToken cancellationToken = default)
    {
        var (scope, agencies) = await scopes.LoadAsync(cancellationToken);
        var region = agencies.Single(a => a.Id == regionId);
        var visible = (await viewer.Apply(db.Agencies.AsNoTracking(), a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        var published = await db.AnnualReports.AsNoTracking().Where(r => r.Year == year).Where(AnnualReportRecord.Public)
            .Select(r => r.AgencyId).ToListAsync(cancellationToken);
        var own = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.AgencyId == regionId && r.Year == year, cancellationToken);
        var defaults = new HashSet<int>([regionId, .. scope.Units(regionId)]);
        var selected = chosen is null ? defaults : chosen.ToHashSet();
        var (_, coveredBy) = scope.WithoutOverlap(selected.Where(id => id != regionId));

        var lines = new List<RegionUnit>();
        var regionReport = await generator.BuildAsync(region, year, await FiguresAsync(own, cancellationToken), [], cancellationToken);
        lines.Add(new RegionUnit(region, 0, new UnitReport(region, regionReport.Own, null, null), selected.Contains(regionId), IsOwn: true));
        async Task WalkAsync(int parent, int depth)
        {
            foreach (var child in agencies.Where(a => a.ParentId == parent))
            {
                // A unit's figures are the viewer's to see when its report is public, when its records are in the viewer's
                // scope, or when the region's report, which the viewer may see, already counts them.
                var available = published.Contains(child.Id) || visible.Contains(child.Id)
                                || (visible.Contains(regionId) && scope.CountedIn(child.Id).Contains(regionId));
                var current = available ? await generator.UnitAsync(child, year, cancellationToken) : null;
                lines.Add(new RegionUnit(child, depth, current, selected.Contains(child.Id),
                    coveredBy.TryGetValue(child.Id, out var by) ? agencies.Single(a => a.Id == by) : null));
                await WalkAsync(child.Id, depth + 1);
            }
        }
        await WalkAsync(regionId, 1);

        // A draft is regenerated before publishing; a published report must still be what it covers.
        var regionFindings = own is { Status: ReportStatus.Published } && regionReport.Units.Count > 0
            ? RegionChecks.Check(Reports.Formats.JsonReport.Read(own.ReportJson), regionReport.Own, [.. regionReport.Units.Select(u => u.Report)])
            : (IReadOnlyList<Finding>)[];
        var summed = lines.Where(l => l.Summed).Select(l => l.Current!.Report).ToList();
        if (summed.Count == 0)
            return new RegionSummaryView(region, year, lines, null, [], own, regionFindings, false);
        var sum = ReportSummation.Sum(ReportTemplates.ForYear(year), year, region.Name + "（汇总）", summed);
        var isOwnScope = lines.Where(l => l.Summed).Select(l => l.Agency.Id).ToHashSet().SetEquals(defaults);
        return new RegionSummaryView(region, year, lines, sum, [.. TableChecks(sum)], own, regionFindings, isOwnScope);
    }

    private async Task<IReadOnlyCollection<ReportFigure>> FiguresAsync(AnnualReportRecord? record, CancellationToken cancellationToken) =>
        record is null ? [] : await db.ReportFigures.AsNoTracking().Where(f => f.ReportId == record.Id).ToListAsync(cancellationToken);

    /// <summary>The arithmetic of the summed tables; a sum has no prose, so the prose rules do not apply.</summary>
    private static IEnumerable<Finding> TableChecks(AnnualReport sum) =>
        ReportChecks.Check(sum).Where(f => f.Rule.StartsWith("requests.", StringComparison.Ordinal)
                                           || f.Rule.StartsWith("review.", StringComparison.Ordinal)
                                           || f.Rule.StartsWith("cell.", StringComparison.Ordinal));
}
