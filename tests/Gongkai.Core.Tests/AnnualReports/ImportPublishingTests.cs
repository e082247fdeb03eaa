using System.Text;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Reports;
using Gongkai.Reports.Formats;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.RequestsWorld;

namespace Gongkai.Core.Tests.AnnualReports;

/// <summary>Issue 11, attack #7: an imported report is not public until the agency's office head publishes it.</summary>
public sealed class ImportPublishingTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_NotOnThePortalUntilTheOfficeHeadPublishes_ReimportingNeedsItAgain(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-01-20");

        var imported = (await Service(world, s => s.ImportAsync(world.Office.Id, 2024, LastYear(), "2024年报.json", world.Handler))).Value!;
        var beforePublishing = await PortalAsync(world, imported.Id);
        var byHandler = await Service(world, s => s.PublishImportAsync(imported.Id, imported.Version, world.Handler));
        var byHead = (await Service(world, s => s.PublishImportAsync(imported.Id, imported.Version, world.Head))).Value!;
        var afterPublishing = await PortalAsync(world, imported.Id);
        var reimported = (await Service(world, s => s.ImportAsync(world.Office.Id, 2024, LastYear(), "2024年报更正.json", world.Handler))).Value!;
        var afterReimport = await PortalAsync(world, imported.Id);

        beforePublishing.ShouldBeEmpty();
        byHandler.Errors.ShouldHaveSingleItem().Message.ShouldBe("只有公开办负责人可以发布导入的年度报告。");
        byHead.PublishedByName.ShouldBe(world.Head.Audit.Name);
        afterPublishing.ShouldBe([imported.Id]);
        reimported.PublishedAt.ShouldBeNull();
        afterReimport.ShouldBeEmpty("another file is another report to approve");
    }

    private static byte[] LastYear()
    {
        var report = new AnnualReport { Template = ReportTemplate.Y2021, Year = 2024, Agency = "示范市人民政府办公室" };
        foreach (var table in ReportSchema.Tables)
        {
            foreach (var row in ReportSchema.Rows(ReportTemplate.Y2021, table))
                report.Table(table).Set(row.Key, [.. row.Columns.Select(_ => Cell.Of(0))]);
        }
        return Encoding.UTF8.GetBytes(JsonReport.Write(report, []));
    }

    /// <summary>The reports /reports lists, checking that the report's own page agrees.</summary>
    private static async Task<int[]> PortalAsync(RequestsWorld world, int id)
    {
        await using var scope = world.Database.Scope();
        var published = scope.ServiceProvider.GetRequiredService<PublishedReports>();
        int[] listed = [.. (await published.ListAsync()).Select(r => r.Record.Id)];
        (await published.FindAsync(id) is not null).ShouldBe(listed.Contains(id));
        return listed;
    }

    private static async Task<Core.Result<AnnualReportRecord>> Service(RequestsWorld world, Func<AnnualReportService, Task<Core.Result<AnnualReportRecord>>> action)
    {
        await using var scope = world.Database.Scope();
        return await action(scope.ServiceProvider.GetRequiredService<AnnualReportService>());
    }
}
