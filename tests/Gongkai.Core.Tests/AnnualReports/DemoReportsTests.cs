using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
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

/// <summary>The demo region seeded once (SQLite) for the tests of its reports, which only read it.</summary>
public sealed class SeededDemo : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateDemoAsync();

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>
/// The reports the demo region generates from its own records, at the volumes of a real city: they pass every
/// check, every figure of tables 三 and 四 is what counting the requests in memory gives and what its drill-down
/// lists, and the city government's report is its own requests plus its departments' reports.
/// </summary>
public sealed class DemoReportsTests(SeededDemo demo) : IClassFixture<SeededDemo>
{
    private static readonly int LastYear = DateTime.UtcNow.AddHours(8).Year - 1;

    [Fact]
    public async Task DemoSeed_GeneratedReports_PassEveryCheckAndEqualIndependentCounts()
    {
        await using var scope = demo.Database.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GongkaiDbContext>();
        var reports = services.GetRequiredService<AnnualReportService>();
        var drillDown = services.GetRequiredService<ReportDrillDown>();
        var (reportScope, _) = await services.GetRequiredService<ReportScopes>().LoadAsync();
        var records = await db.AnnualReports.AsNoTracking().ToListAsync();
        var requests = await db.Requests.AsNoTracking().ToListAsync();
        var reviews = await db.ReviewCases.AsNoTracking().ToListAsync();

        records.Count(r => r.Status == ReportStatus.Published).ShouldBe(4);
        records.Count(r => r.Status == ReportStatus.Draft).ShouldBe(2);
        (await services.GetRequiredService<PublishedReports>().ListAsync()).Count.ShouldBe(4);
        var checkedCells = 0;
        foreach (var record in records)
        {
            var view = await reports.ViewAsync(record);
            view.Errors.ShouldBeEmpty($"{view.Agency.Name}{record.Year}: {string.Join("；", view.Errors.Select(e => e.Message))}");
            view.Drift.ShouldBeEmpty();
            var report = view.Report;
            var counted = reportScope.Counted(record.AgencyId);
            var own = requests.Where(r => r.AgencyId == record.AgencyId).ToList();
            var all = requests.Where(r => counted.Contains(r.AgencyId)).ToList();
            foreach (var (path, row, column, cell) in report.Cells().Where(c => c.Row.Table != ReportTable.Proactive))
            {
                var (expected, listed) = row.Table == ReportTable.Requests
                    ? (CountRequests(all, record.Year, report.Template, row.Key, column), CountRequests(own, record.Year, report.Template, row.Key, column))
                    : (CountReviews(reviews.Where(r => counted.Contains(r.AgencyId)), record.Year, row.Key, column),
                        CountReviews(reviews.Where(r => r.AgencyId == record.AgencyId), record.Year, row.Key, column));
                cell.Value.ShouldBe(expected, $"{view.Agency.Name}{record.Year} {path}");
                var target = CellPath.Parse(report.Template, path)!;
                var drilled = row.Table == ReportTable.Requests
                    ? await drillDown.Requests(record.AgencyId, record.Year, report.Template, target)!.CountAsync()
                    : await drillDown.Reviews(record.AgencyId, record.Year, target)!.CountAsync();
                ((decimal)drilled).ShouldBe(listed, $"drill-down of {path}");
                checkedCells++;
            }
        }
        checkedCells.ShouldBe(6 * (25 * 7 + 3 * 5), "six reports of the 2021 template, every cell of tables 三 and 四");
        // The demo's figures are not all zero: the drafts of this year count real work.
        var office = records.Single(r => r.Status == ReportStatus.Draft && r.AgencyId == records.First(p => p.Status == ReportStatus.Published).AgencyId);
        JsonReport.Read(office.ReportJson).Requests.Value("newReceived", 6).ShouldNotBe(0m);
    }

    /// <summary>Done-when of issue 14: every agency's report of the last full year, generated now, passes every check.</summary>
    [Fact]
    public async Task DemoSeed_EveryAgencysReportForTheLastFullYear_PassesEveryCheck()
    {
        await using var scope = demo.Database.Scope();
        var reports = scope.ServiceProvider.GetRequiredService<AnnualReportService>();
        var agencies = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Agencies.AsNoTracking().ToListAsync();

        agencies.Count.ShouldBe(26);
        foreach (var agency in agencies)
        {
            var current = await reports.CurrentAsync(agency, LastYear);
            current.Findings.Where(f => f.Severity != Severity.Info)
                .ShouldBeEmpty($"{agency.Name}{LastYear}: {string.Join("；", current.Findings.Select(f => $"{f.Rule} {f.Message}"))}");
            current.IsPartial.ShouldBeFalse();
        }
    }

    /// <summary>Done-when of issue 14: the city's report is its own requests plus the reports of the units its scope names, and says which.</summary>
    [Fact]
    public async Task DemoSeed_CityGovernmentsReport_IsItsOwnRequestsPlusItsDepartmentsReports()
    {
        await using var scope = demo.Database.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GongkaiDbContext>();
        var city = await db.Agencies.AsNoTracking().SingleAsync(a => a.OrganizationCode == DemoRegion.CityCode);
        var departments = await db.Agencies.AsNoTracking().Where(a => a.ParentId == city.Id && a.Level == Domain.Agencies.AgencyLevel.Department)
            .OrderBy(a => a.SortOrder).ToListAsync();
        var record = await db.AnnualReports.AsNoTracking().SingleAsync(r => r.AgencyId == city.Id && r.Year == LastYear);
        var report = JsonReport.Read(record.ReportJson);
        var parts = new List<AnnualReport>();
        foreach (var department in departments)
            parts.Add((await services.GetRequiredService<AnnualReportService>().CurrentAsync(department, LastYear)).Report);
        var own = (await services.GetRequiredService<ReportGenerator>().BuildAsync(city, LastYear, [], [])).Own;

        record.Status.ShouldBe(ReportStatus.Published);
        ReportUnitRef.Read(record.Units).Select(u => u.Code).ShouldBe(departments.Select(d => d.OrganizationCode));
        own.Requests.Value("newReceived", 6)!.Value.ShouldBeGreaterThan(0m, "the government receives requests of its own");
        foreach (var (path, row, column, cell) in report.Cells().Where(c => c.Row.Table != ReportTable.Proactive))
            cell.Value.ShouldBe(own.Table(row.Table).Value(row.Key, column) + parts.Sum(p => p.Table(row.Table).Value(row.Key, column)), path);
    }

    /// <summary>Done-when of issue 14: the city's region summary of any selection shows no error the data does not contain.</summary>
    [Fact]
    public async Task DemoSeed_RegionSummaryOfAnySelection_ShowsNoError()
    {
        await using var scope = demo.Database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var city = await db.Agencies.AsNoTracking().SingleAsync(a => a.OrganizationCode == DemoRegion.CityCode);
        var all = await db.Agencies.AsNoTracking().Select(a => a.Id).OrderBy(id => id).ToListAsync();
        var random = new Random(14);
        var selections = new List<IReadOnlyCollection<int>?> { null, all, new[] { city.Id } };
        for (var i = 0; i < 5; i++)
            selections.Add([.. all.Where(_ => random.Next(3) == 0)]);

        foreach (var chosen in selections)
        {
            await using var each = demo.Database.Scope();
            var summary = await each.ServiceProvider.GetRequiredService<RegionSummary>().ForAsync(city.Id, LastYear, chosen, AgencyScope.Everything);
            var label = chosen is null ? "default" : string.Join(",", chosen);
            summary.SumFindings.ShouldBeEmpty(label);
            summary.RegionFindings.ShouldBeEmpty(label);
            if (chosen is null)
                summary.Sum!.Requests.Value("newReceived", 6).ShouldBe(JsonReport.Read(summary.Own!.ReportJson).Requests.Value("newReceived", 6));
        }
    }

    /// <summary>Issue 13 part 7: hundreds of requests a year for the 政府办公室, tens for a bureau, a few for a street.</summary>
    [Fact]
    public async Task DemoSeed_Volumes_LikeARealCity()
    {
        await using var scope = demo.Database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var (first, last) = (new DateOnly(LastYear, 1, 1), new DateOnly(LastYear, 12, 31));
        var received = await db.Requests.AsNoTracking().Where(r => r.ReceivedOn >= first && r.ReceivedOn <= last)
            .GroupBy(r => r.AgencyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        int Of(string name) => received.GetValueOrDefault(db.Agencies.Single(a => a.Name == name).Id);

        Of("示范市人民政府办公室").ShouldBeInRange(200, 600);
        Of("示范市自然资源和规划局").ShouldBeInRange(60, 200);
        Of("示范市发展和改革委员会").ShouldBeInRange(10, 60);
        Of("示范市明德区和平街道办事处").ShouldBeInRange(1, 20);
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

    private static decimal CountReviews(IEnumerable<ReviewCaseRecord> reviews, int year, string row, int column)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        var ofKind = reviews.Where(r => ReviewCases.RowKey(r.Kind) == row).ToList();
        bool Concluded(ReviewCaseRecord r, ReviewResult result) => r.ConcludedOn?.Year == year && r.Result == result;
        bool Pending(ReviewCaseRecord r) => r.FiledOn <= yearEnd && (r.ConcludedOn is null || r.ConcludedOn > yearEnd);
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
