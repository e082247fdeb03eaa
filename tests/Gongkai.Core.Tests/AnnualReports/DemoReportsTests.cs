using Gongkai.Core.AnnualReports;
using Gongkai.Core.Audit;
using Gongkai.Core.Demo;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Requests;
using Gongkai.Reports.Formats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.AnnualReports;

/// <summary>
/// The reports the demo region generates from its own records: they pass every check, and every
/// figure of tables 三 and 四 is what counting the requests in memory gives, and what its drill-down lists.
/// </summary>
public sealed class DemoReportsTests
{
    [Fact]
    public async Task DemoSeed_GeneratedReports_PassEveryCheckAndEqualIndependentCounts()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DemoSeeder>().SeedAsync(AuditActor.System);
        var db = services.GetRequiredService<GongkaiDbContext>();
        var reports = services.GetRequiredService<AnnualReportService>();
        var drillDown = services.GetRequiredService<ReportDrillDown>();
        var records = await db.AnnualReports.AsNoTracking().ToListAsync();
        var requests = await db.Requests.AsNoTracking().ToListAsync();
        var reviews = await db.RequestReviews.AsNoTracking().ToListAsync();

        records.Count(r => r.Status == ReportStatus.Published).ShouldBe(3);
        records.Count(r => r.Status == ReportStatus.Draft).ShouldBe(2);
        (await services.GetRequiredService<PublishedReports>().ListAsync()).Count.ShouldBe(3);
        var checkedCells = 0;
        foreach (var record in records)
        {
            var view = await reports.ViewAsync(record);
            view.Errors.ShouldBeEmpty($"{view.Agency.Name}{record.Year}: {string.Join("；", view.Errors.Select(e => e.Message))}");
            view.Drift.ShouldBeEmpty();
            var report = view.Report;
            var mine = requests.Where(r => r.AgencyId == record.AgencyId).ToList();
            foreach (var (path, row, column, cell) in report.Cells().Where(c => c.Row.Table != ReportTable.Proactive))
            {
                var expected = row.Table == ReportTable.Requests
                    ? CountRequests(mine, record.Year, report.Template, row.Key, column)
                    : CountReviews(reviews.Where(r => r.AgencyId == record.AgencyId), record.Year, row.Key, column);
                cell.Value.ShouldBe(expected, $"{view.Agency.Name}{record.Year} {path}");
                var target = CellPath.Parse(report.Template, path)!;
                var listed = row.Table == ReportTable.Requests
                    ? await drillDown.Requests(record.AgencyId, record.Year, report.Template, target)!.CountAsync()
                    : await drillDown.Reviews(record.AgencyId, record.Year, target)!.CountAsync();
                ((decimal)listed).ShouldBe(expected, $"drill-down of {path}");
                checkedCells++;
            }
        }
        checkedCells.ShouldBe(5 * (25 * 7 + 3 * 5), "five reports of the 2021 template, every cell of tables 三 and 四");
        // The demo's figures are not all zero: the drafts of this year count real work.
        var office = records.Single(r => r.Status == ReportStatus.Draft && r.AgencyId == records.First(p => p.Status == ReportStatus.Published).AgencyId);
        JsonReport.Read(office.ReportJson).Requests.Value("newReceived", 6).ShouldNotBe(0m);
    }

    /// <summary>Table 三 counted in memory from the rule of docs/decisions/0011, not through RequestStatistics.</summary>
    private static decimal CountRequests(List<InformationRequest> requests, int year, ReportTemplate template, string row, int column)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        var lastYearEnd = new DateOnly(year - 1, 12, 31);
        bool Open(InformationRequest r, DateOnly day) => r.ReceivedOn <= day && (r.DecidedOn is null || r.DecidedOn > day);
        bool DecidedInYear(InformationRequest r) => r.DecidedOn?.Year == year && r.Outcome is not null;
        IEnumerable<InformationRequest> rows = row switch
        {
            "newReceived" => requests.Where(r => r.ReceivedOn?.Year == year),
            "carriedOver" => requests.Where(r => Open(r, lastYearEnd)),
            "carriedForward" => requests.Where(r => Open(r, yearEnd)),
            "results.total" => requests.Where(DecidedInYear),
            _ => requests.Where(r => DecidedInYear(r) && Outcomes.RowKey(r.Outcome!.Value, template) == row),
        };
        return column == 6 ? rows.Count() : rows.Count(r => (int)r.ApplicantType == column);
    }

    private static decimal CountReviews(IEnumerable<RequestReview> reviews, int year, string row, int column)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        var ofKind = reviews.Where(r => ReviewCases.RowKey(r.Kind) == row).ToList();
        bool Concluded(RequestReview r, ReviewResult result) => r.ConcludedOn?.Year == year && r.Result == result;
        bool Pending(RequestReview r) => r.FiledOn <= yearEnd && (r.ConcludedOn is null || r.ConcludedOn > yearEnd);
        return column switch
        {
            0 => ofKind.Count(r => Concluded(r, ReviewResult.Upheld)),
            1 => ofKind.Count(r => Concluded(r, ReviewResult.Corrected)),
            2 => ofKind.Count(r => Concluded(r, ReviewResult.Other)),
            3 => ofKind.Count(Pending),
            _ => ofKind.Count(r => Concluded(r, ReviewResult.Upheld) || Concluded(r, ReviewResult.Corrected) || Concluded(r, ReviewResult.Other) || Pending(r)),
        };
    }
}
