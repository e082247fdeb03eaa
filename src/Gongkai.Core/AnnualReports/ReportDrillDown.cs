using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.AnnualReports;

/// <summary>The cases behind one figure: requests (table 三) or review cases (table 四) with their requests' numbers.</summary>
public sealed record CellCases(IReadOnlyList<InformationRequest>? Requests, IReadOnlyList<ReviewCaseRecord>? Reviews, IReadOnlyDictionary<int, string> Numbers);

/// <summary>
/// The records behind one figure of table 三 or 四: the requests or the review cases it counts,
/// selected by the same rules as <see cref="RequestStatistics"/> (docs/decisions/0011), so a
/// list's length is the figure.
/// </summary>
public sealed class ReportDrillDown(GongkaiDbContext db)
{
    /// <summary>The requests a cell of table 三 counts, by number; null when the cell is not one of table 三.</summary>
    public IQueryable<InformationRequest>? Requests(int agencyId, int year, ReportTemplate template, CellPath cell)
    {
        if (cell.Table != ReportTable.Requests)
            return null;
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var mine = db.Requests.AsNoTracking().Where(r => r.AgencyId == agencyId);
        var decided = mine.Where(r => r.DecidedOn >= first && r.DecidedOn <= last && r.Outcome != null);
        var rows = cell.Row switch
        {
            "newReceived" => mine.Where(r => r.ReceivedOn >= first && r.ReceivedOn <= last),
            "carriedOver" => RequestStatistics.OpenOn(mine, first.AddDays(-1)),
            "carriedForward" => RequestStatistics.OpenOn(mine, last),
            "results.total" => decided,
            _ => OutcomesOf(template, cell.Row) is { Length: > 0 } outcomes
                ? decided.Where(r => outcomes.Contains(r.Outcome!.Value))
                : null,
        };
        if (rows is null)
            return null;
        if (cell.Column < ReportSchema.TotalColumn)
        {
            var type = (ApplicantType)cell.Column;
            rows = rows.Where(r => r.ApplicantType == type);
        }
        return rows.OrderBy(r => r.Id);
    }

    /// <summary>The review and litigation records a cell of table 四 counts; null when the cell is not one of table 四.</summary>
    public IQueryable<ReviewCaseRecord>? Reviews(int agencyId, int year, CellPath cell)
    {
        if (cell.Table != ReportTable.ReviewLitigation)
            return null;
        var kind = Enum.GetValues<ReviewKind>().Single(k => ReviewCases.RowKey(k) == cell.Row);
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var cases = db.ReviewCases.AsNoTracking().Where(r => r.AgencyId == agencyId && r.Kind == kind);
        // ReviewCases.TableFour: concluded in the year under its result; filed by 31 December and not concluded by then: 尚未审结.
        var concluded = cases.Where(r => r.ConcludedOn >= first && r.ConcludedOn <= last && r.Result != ReviewResult.Pending);
        var pending = cases.Where(r => r.FiledOn <= last && (r.ConcludedOn == null || r.ConcludedOn > last));
        var rows = cell.Column switch
        {
            0 => concluded.Where(r => r.Result == ReviewResult.Upheld),
            1 => concluded.Where(r => r.Result == ReviewResult.Corrected),
            2 => concluded.Where(r => r.Result == ReviewResult.Other),
            3 => pending,
            _ => cases.Where(r => (r.ConcludedOn >= first && r.ConcludedOn <= last && r.Result != ReviewResult.Pending)
                                  || (r.FiledOn <= last && (r.ConcludedOn == null || r.ConcludedOn > last))),
        };
        return rows.OrderBy(r => r.Id);
    }

    /// <summary>
    /// The cases one figure counts: the requests of a cell of table 三, or the review cases of a cell
    /// of table 四 with the 申请编号 of the requests they are about; null for any other cell.
    /// </summary>
    public async Task<CellCases?> CasesAsync(int agencyId, int year, ReportTemplate template, CellPath cell, CancellationToken cancellationToken = default)
    {
        if (Requests(agencyId, year, template, cell) is { } requests)
            return new CellCases(await requests.ToListAsync(cancellationToken), null, new Dictionary<int, string>());
        if (Reviews(agencyId, year, cell) is not { } reviews)
            return null;
        var list = await reviews.ToListAsync(cancellationToken);
        var ids = list.Where(r => r.RequestId is not null).Select(r => r.RequestId!.Value).Distinct().ToList();
        var numbers = await db.Requests.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Number, cancellationToken);
        return new CellCases(null, list, numbers);
    }

    private static Outcome[] OutcomesOf(ReportTemplate template, string row) =>
        [.. Enum.GetValues<Outcome>().Where(o => Outcomes.RowKey(o, template) == row)];
}
