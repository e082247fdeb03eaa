using Gongkai.Core.Accounts;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Audit;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Demo;
using Gongkai.Core.Imports;
using Gongkai.Core.Search;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Search;
using Gongkai.Reports.Formats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Imports;

/// <summary>
/// An office moves: the demo region with 5,000 documents (attachments included) and a year of
/// requests is exported to files and imported into an empty platform, which must then show the same
/// catalogue, find the same documents the same way and generate the same annual reports; the same
/// imports run again change nothing.
/// </summary>
public sealed class MigrationJourneyTests
{
    private static readonly AuditActor Importer = new(Guid.NewGuid(), "迁移管理员", "127.0.0.1");

    private static readonly string[] Queries = ["住房公积金", "部门预算", "政务公开 工作", "通知", "招生入学", "老旧小区改造 补贴", "政府信息公开", "統籌"];

    [Fact]
    public async Task ExportThenImport_DemoRegionWith5000Documents_SameCatalogueSearchAndReports()
    {
        var folder = Directory.CreateTempSubdirectory("gongkai-journey-").FullName;
        try
        {
            await using var original = await TestDatabase.CreateDemoAsync();
            int demoDocuments;
            await using (var scope = original.Scope())
                demoDocuments = await Published(scope).CountAsync();
            var (generated, zip) = await GeneratedDocuments.WriteAsync(original, folder, 5_000 - demoDocuments, DateTimeOffset.UtcNow);
            using (var attachments = AttachmentSource.Open(zip))
            {
                var report = await ImportAsync(original, ImportKind.Documents, generated, attachments);
                report.Refusals.ShouldBeEmpty();
                report.Added.ShouldBe(5_000 - demoDocuments);
            }
            var exported = Path.Combine(folder, "export");
            await using (var scope = original.Scope())
                await scope.ServiceProvider.GetRequiredService<DataExport>().ExportAsync(null, exported, Importer);

            await using var moved = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            await using (var scope = moved.Scope())
                await scope.ServiceProvider.GetRequiredService<FirstRun>().EnsureRolesAsync();
            var first = await ImportFolderAsync(moved, exported);
            first.SelectMany(r => r.Refusals).ShouldBeEmpty();
            first.Single(r => r.Kind == ImportKind.Documents).Added.ShouldBe(5_000);
            first.Single(r => r.Kind == ImportKind.Requests).Added.ShouldBeGreaterThan(30);
            first.Single(r => r.Kind == ImportKind.Staff).Issued!.Count.ShouldBe(first.Single(r => r.Kind == ImportKind.Staff).Added);

            (await CatalogueAsync(moved)).ShouldBe(await CatalogueAsync(original));
            foreach (var query in Queries)
                (await SearchAsync(moved, query)).ShouldBe(await SearchAsync(original, query), query);
            (await ReportsAsync(moved)).ShouldBe(await ReportsAsync(original));

            var counts = await CountsAsync(moved);
            var second = await ImportFolderAsync(moved, exported);
            second.ShouldAllBe(r => r.Added == 0 && r.Refused == 0 && r.Existing == r.Rows);
            (await CountsAsync(moved)).ShouldBe(counts);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IQueryable<Document> Published(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Documents.Where(d => d.Status == Domain.Catalogue.PublishingStatus.Published);

    internal static async Task<ImportReport> ImportAsync(TestDatabase database, ImportKind kind, string path, AttachmentSource? attachments = null, bool check = false)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.GetRequiredService<Gongkai.Core.Imports.Importer>().ImportAsync(kind, path, new ImportOptions(Importer, check), attachments);
    }

    /// <summary>An export folder in the order an office imports it.</summary>
    private static async Task<List<ImportReport>> ImportFolderAsync(TestDatabase database, string folder)
    {
        var reports = new List<ImportReport>
        {
            await ImportAsync(database, ImportKind.Agencies, Path.Combine(folder, DataExport.AgenciesFile)),
            await ImportAsync(database, ImportKind.Staff, Path.Combine(folder, DataExport.StaffFile)),
        };
        using (var attachments = AttachmentSource.Open(folder))
            reports.Add(await ImportAsync(database, ImportKind.Documents, Path.Combine(folder, DataExport.DocumentsFile), attachments));
        reports.Add(await ImportAsync(database, ImportKind.Requests, Path.Combine(folder, DataExport.RequestsFile)));
        reports.Add(await ImportAsync(database, ImportKind.Reviews, Path.Combine(folder, DataExport.ReviewsFile)));
        return reports;
    }

    /// <summary>The whole catalogue page by page, as the public reads it, with the facet counts by year and by topic.</summary>
    private static async Task<List<string>> CatalogueAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        var list = scope.ServiceProvider.GetRequiredService<CatalogueList>();
        var lines = new List<string>();
        string? older = null;
        do
        {
            var page = await list.PageAsync(new CatalogueFilter(), older, null);
            lines.AddRange(page.Items.Select(d =>
                $"{d.IndexNumber}|{d.Title}|{d.DocumentNumber}|{d.Publisher}|{d.Kind}|{d.Topic}|{d.CategoryName}|{d.IssuedOn}|{d.PublishedAt:O}|{d.ValidUntil}|{d.RepealedOn}"));
            older = page.Older;
        }
        while (older is not null);
        var facets = (await list.SnapshotAsync()).Facets(new CatalogueFilter());
        lines.Add($"total {facets.Total}; years {string.Join(",", facets.Years)}; topics {string.Join(",", facets.Topics)}");
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        lines.AddRange(await db.Documents.AsNoTracking().Where(d => d.IndexNumber != null).OrderBy(d => d.IndexNumber)
            .Select(d => d.IndexNumber + "|" + d.BodyHtml + "|" + string.Join(";", d.Attachments.OrderBy(a => a.SortOrder).Select(a => a.File!.FileName + ":" + a.File.Sha256 + ":" + a.Text)))
            .ToListAsync());
        return lines;
    }

    private static async Task<List<string>> SearchAsync(TestDatabase database, string query)
    {
        await using var scope = database.Scope();
        var search = scope.ServiceProvider.GetRequiredService<CatalogueSearch>();
        var lines = new List<string>();
        foreach (var page in new[] { 1, 2 })
        {
            var results = await search.SearchAsync(new SearchRequest { Query = query, Page = page });
            lines.Add($"{results.Mode} {results.Total} {results.MoreThanTotal}");
            lines.AddRange(results.Hits.Select(h => $"{h.Document.IndexNumber}|{Marked(h.Title)}|{Marked(h.Snippet)}|{h.SnippetSource}"));
        }
        return lines;
    }

    private static string Marked(IEnumerable<TextSegment> segments) => string.Concat(segments.Select(s => s.Marked ? $"[{s.Text}]" : s.Text));

    /// <summary>
    /// Every agency's report generated from its records: this year's whole (a government's summing the
    /// units its scope covers), last year's own part — last year's published reports are not records
    /// the export carries, so a government's sum of them is left out.
    /// </summary>
    private static async Task<List<string>> ReportsAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var generator = scope.ServiceProvider.GetRequiredService<ReportGenerator>();
        var year = DateTime.UtcNow.Year;
        var reports = new List<string>();
        foreach (var agency in await db.Agencies.AsNoTracking().OrderBy(a => a.OrganizationCode).ToListAsync())
        {
            reports.Add($"{agency.OrganizationCode} {year - 1} " + JsonReport.Write((await generator.BuildAsync(agency, year - 1, [], [])).Own, []));
            reports.Add($"{agency.OrganizationCode} {year} " + JsonReport.Write((await generator.BuildAsync(agency, year, [], [])).Report, []));
        }
        return reports;
    }

    private static async Task<string> CountsAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        return $"{await db.Agencies.CountAsync()} {await db.Users.CountAsync()} {await db.Documents.CountAsync()} {await db.StoredFiles.CountAsync()} " +
               $"{await db.Requests.CountAsync()} {await db.RequestEvents.CountAsync()} {await db.ReviewCases.CountAsync()} {await db.CatalogueCategories.CountAsync()}";
    }
}
