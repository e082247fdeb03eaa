using Gongkai.Core.Agencies;
using Gongkai.Core.Storage;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Reports.Formats;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.AnnualReports;

/// <summary>A subordinate agency of a region and its report for the year, if any.</summary>
public sealed record RegionUnit(Agency Agency, int Depth, AnnualReportRecord? Record, bool Chosen);

/// <summary>The region's summary (汇总) for a year: the units, the summed report, its findings, and the hierarchy check.</summary>
public sealed record RegionSummaryView(
    Agency Region,
    int Year,
    IReadOnlyList<RegionUnit> Units,
    AnnualReport? Sum,
    IReadOnlyList<Finding> SumFindings,
    AnnualReportRecord? Own,
    IReadOnlyList<Finding> RegionFindings);

/// <summary>
/// 区域汇总: a government's report summed over the chosen subordinate agencies' reports of a year
/// (<see cref="ReportSummation.Sum"/>): published and imported reports, and drafts the viewer may
/// see. The region's own report of the year is checked against the sum (<see cref="RegionChecks"/>).
/// </summary>
public sealed class RegionSummary(GongkaiDbContext db)
{
    public async Task<RegionSummaryView> ForAsync(int regionId, int year, IReadOnlyCollection<int>? chosen, AgencyScope scope,
        CancellationToken cancellationToken = default)
    {
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(cancellationToken);
        var region = agencies.Single(a => a.Id == regionId);
        var visible = await scope.Apply(db.AnnualReports.AsNoTracking(), r => r.AgencyId).Where(r => r.Year == year).Select(r => r.Id).ToListAsync(cancellationToken);
        var records = await db.AnnualReports.AsNoTracking()
            .Where(r => r.Year == year && (r.Status == ReportStatus.Published || (r.Status == ReportStatus.Imported && r.PublishedAt != null) || visible.Contains(r.Id)))
            .ToDictionaryAsync(r => r.AgencyId, cancellationToken);
        var units = new List<RegionUnit>();
        void Walk(int parent, int depth)
        {
            foreach (var child in agencies.Where(a => a.ParentId == parent).OrderBy(a => a.SortOrder).ThenBy(a => a.Id))
            {
                var record = records.GetValueOrDefault(child.Id);
                units.Add(new RegionUnit(child, depth, record,
                    record is not null && (chosen is null ? depth == 1 : chosen.Contains(child.Id))));
                Walk(child.Id, depth + 1);
            }
        }
        Walk(regionId, 1);
        var reports = units.Where(u => u.Chosen).Select(u => JsonReport.Read(u.Record!.ReportJson)).ToList();
        var own = records.GetValueOrDefault(regionId);
        if (reports.Count == 0)
            return new RegionSummaryView(region, year, units, null, [], own, []);
        var template = ReportTemplates.ForYear(year);
        var sum = ReportSummation.Sum(template, year, region.Name + "（汇总）", reports);
        var regionFindings = own is null ? [] : RegionChecks.Check(JsonReport.Read(own.ReportJson), reports);
        return new RegionSummaryView(region, year, units, sum, [.. TableChecks(sum)], own, regionFindings);
    }

    /// <summary>The arithmetic of the summed tables; a sum has no prose, so the prose rules do not apply.</summary>
    private static IEnumerable<Finding> TableChecks(AnnualReport sum) =>
        ReportChecks.Check(sum).Where(f => f.Rule.StartsWith("requests.", StringComparison.Ordinal)
                                           || f.Rule.StartsWith("review.", StringComparison.Ordinal)
                                           || f.Rule.StartsWith("cell.", StringComparison.Ordinal));
}
