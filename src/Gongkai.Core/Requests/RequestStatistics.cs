using Gongkai.Core.Storage;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests;

/// <summary>
/// The figures an agency's annual report takes from its requests: table 三 (received, carried over
/// from the last year end, decided by outcome and applicant, carried forward at this year end) and
/// table 四 (reviews and lawsuits). Counted in the database from the columns each event keeps
/// current, so a year of a large office is a handful of grouped queries.
/// </summary>
public sealed class RequestStatistics(GongkaiDbContext db)
{
    // Every applicant type and outcome named in the query: SQLite then reads the (agency, type,
    // outcome, date) indexes of migration 0005 one range per group, already in group order, instead
    // of sorting a year's rows to group them (bench report-generate: a million requests).
    private static readonly ApplicantType[] AllTypes = Enum.GetValues<ApplicantType>();
    private static readonly Outcome?[] AllOutcomes = [.. Enum.GetValues<Outcome>().Select(o => (Outcome?)o)];

    public async Task<StatTable> TableThreeAsync(int agencyId, int year, CancellationToken cancellationToken = default)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var mine = db.Requests.AsNoTracking().Where(r => r.AgencyId == agencyId);
        var counts = new TableThreeCounts(
            await ByTypeAsync(mine.Where(r => r.ReceivedOn >= first && r.ReceivedOn <= last), cancellationToken),
            await ByTypeAsync(OpenOn(mine, first.AddDays(-1)), cancellationToken),
            (await mine.Where(r => EF.Constant(AllTypes).Contains(r.ApplicantType) && EF.Constant(AllOutcomes).Contains(r.Outcome)
                    && r.DecidedOn >= first && r.DecidedOn <= last)
                .GroupBy(r => new { r.ApplicantType, r.Outcome })
                .Select(g => new { g.Key.ApplicantType, g.Key.Outcome, Count = g.Count() })
                .ToListAsync(cancellationToken))
                .ToDictionary(g => (g.ApplicantType, g.Outcome!.Value), g => g.Count),
            await ByTypeAsync(OpenOn(mine, last), cancellationToken));
        return RequestTable.Build(year >= 2021 ? ReportTemplate.Y2021 : ReportTemplate.Y2019, counts);
    }

    public async Task<StatTable> TableFourAsync(int agencyId, int year, CancellationToken cancellationToken = default)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var cases = await db.ReviewCases.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && r.FiledOn <= last && (r.ConcludedOn == null || r.ConcludedOn >= first))
            .ToListAsync(cancellationToken);
        return ReviewCases.TableFour(cases.Select(c => c.ToCase()), year);
    }

    /// <summary>The requests open on 31 December (结转下年度继续办理), by number, for the year-end list.</summary>
    public async Task<IReadOnlyList<InformationRequest>> CarriedForwardAsync(int agencyId, int year, CancellationToken cancellationToken = default) =>
        await OpenOn(db.Requests.AsNoTracking().Where(r => r.AgencyId == agencyId), new DateOnly(year, 12, 31))
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);

    /// <summary><see cref="RequestTable.IsOpenOn"/> in SQL: received by the day and not decided by it.</summary>
    internal static IQueryable<InformationRequest> OpenOn(IQueryable<InformationRequest> requests, DateOnly day) =>
        requests.Where(r => r.ReceivedOn != null && r.ReceivedOn <= day && (r.DecidedOn == null || r.DecidedOn > day));

    private static async Task<int[]> ByTypeAsync(IQueryable<InformationRequest> requests, CancellationToken cancellationToken)
    {
        var groups = await requests.Where(r => EF.Constant(AllTypes).Contains(r.ApplicantType)).GroupBy(r => r.ApplicantType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var counts = new int[6];
        foreach (var g in groups)
            counts[ApplicantTypes.Column(g.Key)] = g.Count;
        return counts;
    }
}
