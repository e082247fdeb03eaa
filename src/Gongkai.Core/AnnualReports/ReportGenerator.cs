using Gongkai.Core.Agencies;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Generation;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.AnnualReports;

/// <summary>
/// Builds an agency's report for a year from its records: table 三 and 四 from requests and their
/// reviews (<see cref="RequestStatistics"/>), table 二 §20(一) from the published normative documents
/// (<see cref="NormativeReport"/>), the rest of table 二 from the figures staff entered or imported,
/// and the prose drafted from the figures unless staff wrote their own. Nothing is stored here.
/// </summary>
public sealed class ReportGenerator(GongkaiDbContext db, RequestStatistics statistics, NormativeReport normative)
{
    public async Task<AnnualReport> BuildAsync(Agency agency, int year, IReadOnlyCollection<ReportFigure> figures,
        IReadOnlyCollection<ReportText> texts, CancellationToken cancellationToken = default)
    {
        var template = ReportTemplates.ForYear(year);
        if (template == ReportTemplate.Legacy)
            throw new ArgumentOutOfRangeException(nameof(year), "只能生成2019年及以后年度的报告。");
        var report = new AnnualReport { Template = template, Year = year, Agency = agency.Name };
        report.Source.Publisher = agency.Name;
        await SystemTablesAsync(report, agency.Id, cancellationToken);
        foreach (var (path, row, column) in SystemFigures.Entered(template))
        {
            var cells = report.Proactive[row.Key] ?? new Cell[row.Columns.Count];
            var index = row.Columns.ToList().IndexOf(column);
            cells[index] = figures.FirstOrDefault(f => f.Cell == path) is { } figure ? Cell.Of(figure.Value) : Cell.Of(0);
            report.Proactive.Set(row.Key, cells);
        }
        var facts = await FactsAsync(agency.Id, year, cancellationToken);
        foreach (var section in ReportDraft.Sections(report, facts))
        {
            var own = texts.FirstOrDefault(t => t.Number == section.Number);
            report.Sections.Add(own is null ? section : section with { Text = own.Text });
        }
        return report;
    }

    /// <summary>Fills tables 三, 四 and 二 §20(一) of a report from the records: what publishing freezes and later edits are compared with.</summary>
    public async Task SystemTablesAsync(AnnualReport report, int agencyId, CancellationToken cancellationToken = default)
    {
        var year = report.Year!.Value;
        var three = await statistics.TableThreeAsync(agencyId, year, cancellationToken);
        foreach (var key in three.Keys)
            report.Requests.Set(key, three[key]!);
        var four = await statistics.TableFourAsync(agencyId, year, cancellationToken);
        foreach (var key in four.Keys)
            report.ReviewLitigation.Set(key, four[key]!);
        foreach (var figures in await normative.ForAsync(agencyId, year, cancellationToken))
        {
            var key = figures.Kind == NormativeKind.Rule ? "rules" : "normativeDocuments";
            // 2019 template: 本年新制作 and 本年新公开 are the documents issued in the year, 对外公开总数量 those in force.
            report.Proactive.Set(key, [Cell.Of(figures.Issued), Cell.Of(report.Template == ReportTemplate.Y2021 ? figures.Repealed : figures.Issued), Cell.Of(figures.InForce)]);
        }
    }

    /// <summary>The 信息处理费 paid in the year: requests with a 缴费 step in it, and the amounts of their notices.</summary>
    public async Task<DraftFacts> FactsAsync(int agencyId, int year, CancellationToken cancellationToken = default)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var paid = await (from e in db.RequestEvents
                          join r in db.Requests on e.RequestId equals r.Id
                          where r.AgencyId == agencyId && e.Kind == nameof(FeePaid) && e.Date >= first && e.Date <= last
                          select e.RequestId).Distinct().ToListAsync(cancellationToken);
        if (paid.Count == 0)
            return new DraftFacts(0, 0);
        var notices = await db.RequestEvents.AsNoTracking()
            .Where(e => paid.Contains(e.RequestId) && e.Kind == nameof(FeeNotified))
            .OrderBy(e => e.RequestId).ThenBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        var amount = notices.GroupBy(e => e.RequestId).Sum(g => ((FeeNotified)g.Last().ToEvent()).Amount);
        return new DraftFacts(paid.Count, amount);
    }
}
