using Gongkai.Core.Agencies;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Generation;
using Gongkai.Domain.Requests;
using Gongkai.Reports.Formats;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.AnnualReports;

/// <summary>A unit's report as a government's report sums it: published or imported as stored, otherwise as the records give it now.</summary>
public sealed record UnitReport(Agency Agency, AnnualReport Report, ReportStatus? Status, int? RecordId);

/// <summary>
/// Where a report's 上年结转 came from: the previous year's published or imported report
/// (<see cref="Reported"/>, the figure used), against what the records say was open on 31 December
/// (<see cref="Recorded"/>). They differ when requests carried over are missing from the platform.
/// </summary>
public sealed record CarrySource(int Year, ReportStatus Status, decimal Reported, decimal Recorded);

/// <summary>
/// A report as generated: the report itself; for a government, its own part and the units it sums
/// (docs/decisions/0022); where 上年结转 came from; and the day the records were counted (before the
/// year ends the report is partial).
/// </summary>
public sealed record GeneratedReport(AnnualReport Report, AnnualReport Own, IReadOnlyList<UnitReport> Units, CarrySource? Carry, DateOnly CountedOn)
{
    public bool IsPartial => !ReportPeriod.IsComplete(Report.Year!.Value, CountedOn);
}

/// <summary>
/// Builds an agency's report for a year from its records: table 三 and 四 from requests and review
/// cases (<see cref="RequestStatistics"/>), table 二 §20(一) from the published normative documents
/// (<see cref="NormativeReport"/>), the rest of table 二 from the figures staff entered or imported,
/// 上年结转 from the previous year's published report, and the prose drafted from the figures unless
/// staff wrote their own. A government's report adds the reports of the units it covers
/// (<see cref="ReportScope"/>). Nothing is stored here.
/// </summary>
public sealed class ReportGenerator(GongkaiDbContext db, RequestStatistics statistics, NormativeReport normative, ReportScopes scopes, OfficeClock clock)
{
    private readonly Dictionary<(int Agency, int Year), UnitReport> units = [];

    public async Task<GeneratedReport> BuildAsync(Agency agency, int year, IReadOnlyCollection<ReportFigure> figures,
        IReadOnlyCollection<ReportText> texts, CancellationToken cancellationToken = default)
    {
        var template = ReportTemplates.ForYear(year);
        if (template == ReportTemplate.Legacy)
            throw new ArgumentOutOfRangeException(nameof(year), "只能生成2019年及以后年度的报告。");
        var own = New(template, year, agency);
        await OwnTablesAsync(own, agency.Id, cancellationToken);
        foreach (var (path, row, column) in SystemFigures.Entered(template))
        {
            var cells = own.Proactive[row.Key] ?? new Cell[row.Columns.Count];
            cells[row.Columns.ToList().IndexOf(column)] = Cell.Of(figures.FirstOrDefault(f => f.Cell == path)?.Value ?? 0);
            own.Proactive.Set(row.Key, cells);
        }
        var (scope, agencies) = await scopes.LoadAsync(cancellationToken);
        var covered = new List<UnitReport>();
        foreach (var id in scope.Units(agency.Id))
            covered.Add(await UnitAsync(agencies.Single(a => a.Id == id), year, cancellationToken));
        // A government's own part counts its records as they are; a single agency's 上年结转 is its last report's (0022).
        var carry = covered.Count == 0 ? await CarryAsync(own, agency.Id, year, cancellationToken) : null;
        var report = covered.Count == 0 ? own : Summed(own, covered);
        var facts = await FactsAsync(agency, year, cancellationToken);
        foreach (var section in ReportDraft.Sections(report, facts))
        {
            var edited = texts.FirstOrDefault(t => t.Number == section.Number);
            report.Sections.Add(edited is null ? section : section with { Text = edited.Text });
        }
        return new GeneratedReport(report, own, covered, carry, clock.Today);
    }

    /// <summary>
    /// What the prose states beyond the tables, over every agency the report counts: the 信息处理费
    /// paid in the year (requests with a 缴费 step in it, at the amounts of their notices), the 规章 and
    /// 规范性文件 that expired, the units covered, and whether the year is still running.
    /// </summary>
    public async Task<DraftFacts> FactsAsync(Agency agency, int year, CancellationToken cancellationToken = default)
    {
        var (scope, agencies) = await scopes.LoadAsync(cancellationToken);
        var counted = scope.Counted(agency.Id).ToList();
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var paid = await (from e in db.RequestEvents
                          join r in db.Requests on e.RequestId equals r.Id
                          where EF.Constant(counted).Contains(r.AgencyId) && e.Kind == nameof(FeePaid) && e.Date >= first && e.Date <= last
                          select e.RequestId).Distinct().ToListAsync(cancellationToken);
        var notices = paid.Count == 0 ? [] : await db.RequestEvents.AsNoTracking()
            .Where(e => paid.Contains(e.RequestId) && e.Kind == nameof(FeeNotified))
            .OrderBy(e => e.RequestId).ThenBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        var amount = notices.GroupBy(e => e.RequestId).Sum(g => ((FeeNotified)g.Last().ToEvent()).Amount);
        var documents = await normative.ForAsync(counted, year, cancellationToken);
        var unitNames = scope.Units(agency.Id).Select(id => agencies.Single(a => a.Id == id).Name).ToList();
        return new DraftFacts(paid.Count, amount,
            documents.Single(d => d.Kind == NormativeKind.Rule).Expired, documents.Single(d => d.Kind == NormativeKind.NormativeDocument).Expired)
        {
            Units = unitNames,
            PartialUntil = ReportPeriod.IsComplete(year, clock.Today) ? null : clock.Today,
        };
    }

    /// <summary>A unit's report of the year as a government's report takes it, computed once per unit of work.</summary>
    public async Task<UnitReport> UnitAsync(Agency unit, int year, CancellationToken cancellationToken)
    {
        if (units.TryGetValue((unit.Id, year), out var done))
            return done;
        var record = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.AgencyId == unit.Id && r.Year == year, cancellationToken);
        UnitReport result;
        if (record is { IsDraft: false })
            result = new UnitReport(unit, JsonReport.Read(record.ReportJson), record.Status, record.Id);
        else
        {
            var id = record?.Id ?? 0;
            var figures = await db.ReportFigures.AsNoTracking().Where(f => f.ReportId == id).ToListAsync(cancellationToken);
            var texts = await db.ReportTexts.AsNoTracking().Where(t => t.ReportId == id).ToListAsync(cancellationToken);
            result = new UnitReport(unit, (await BuildAsync(unit, year, figures, texts, cancellationToken)).Report, record?.Status, record?.Id);
        }
        units[(unit.Id, year)] = result;
        return result;
    }

    /// <summary>Tables 三, 四 and 二 §20(一) of one agency's own records.</summary>
    private async Task OwnTablesAsync(AnnualReport report, int agencyId, CancellationToken cancellationToken)
    {
        var year = report.Year!.Value;
        var three = await statistics.TableThreeAsync(agencyId, year, cancellationToken);
        foreach (var key in three.Keys)
            report.Requests.Set(key, three[key]!);
        var four = await statistics.TableFourAsync(agencyId, year, cancellationToken);
        foreach (var key in four.Keys)
            report.ReviewLitigation.Set(key, four[key]!);
        foreach (var figures in await normative.ForAsync([agencyId], year, cancellationToken))
        {
            var key = figures.Kind == NormativeKind.Rule ? "rules" : "normativeDocuments";
            // 2021: 本年制发, 本年废止 (expiry included), 现行有效. 2019: 本年新制作 (issued), 本年新公开 (published), 对外公开总数量 (in force).
            report.Proactive.Set(key, [Cell.Of(figures.Issued), Cell.Of(report.Template == ReportTemplate.Y2021 ? figures.Repealed : figures.Published), Cell.Of(figures.InForce)]);
        }
    }

    /// <summary>
    /// 上年结转 is the previous year's 结转下年度继续办理 when that report is published or imported: a
    /// published year's figures never move, and a report imported from before the platform carries
    /// requests the platform may not hold.
    /// </summary>
    private async Task<CarrySource?> CarryAsync(AnnualReport report, int agencyId, int year, CancellationToken cancellationToken)
    {
        var previous = await db.AnnualReports.AsNoTracking()
            .SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Year == year - 1 && r.Status != ReportStatus.Draft, cancellationToken);
        if (previous is null || JsonReport.Read(previous.ReportJson).Requests["carriedForward"] is not { } carried
            || carried.Length != ReportSchema.ApplicantColumns.Count || carried.Any(c => c.Value is null))
            return null;
        var recorded = report.Requests.Value("carriedOver", ReportSchema.TotalColumn) ?? 0;
        report.Requests.Set("carriedOver", [.. carried.Select(c => Cell.Of(c.Value!.Value))]);
        return new CarrySource(year - 1, previous.Status, carried[ReportSchema.TotalColumn].Value!.Value, recorded);
    }

    private static AnnualReport Summed(AnnualReport own, IReadOnlyList<UnitReport> covered)
    {
        var sum = ReportSummation.Sum(own.Template, own.Year!.Value, own.Agency!, [own, .. covered.Select(u => u.Report)]);
        sum.Source.Publisher = own.Agency;
        return sum;
    }

    private static AnnualReport New(ReportTemplate template, int year, Agency agency)
    {
        var report = new AnnualReport { Template = template, Year = year, Agency = agency.Name };
        report.Source.Publisher = agency.Name;
        return report;
    }
}
