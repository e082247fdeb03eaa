using Gongkai.Core.AnnualReports;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
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

        var imported = (await Service(world, s => s.ImportAsync(world.Office.Id, 2020, Seed(), "2020年报.txt", world.Handler))).Value!;
        var beforePublishing = await PortalAsync(world, imported.Id);
        var byHandler = await Service(world, s => s.PublishImportAsync(imported.Id, imported.Version, world.Handler));
        var byHead = (await Service(world, s => s.PublishImportAsync(imported.Id, imported.Version, world.Head))).Value!;
        var afterPublishing = await PortalAsync(world, imported.Id);
        var reimported = (await Service(world, s => s.ImportAsync(world.Office.Id, 2020, Seed(), "2020年报更正.txt", world.Handler))).Value!;
        var afterReimport = await PortalAsync(world, imported.Id);

        beforePublishing.ShouldBeEmpty();
        byHandler.Errors.ShouldHaveSingleItem().Message.ShouldBe("只有公开办负责人可以发布导入的年度报告。");
        byHead.PublishedByName.ShouldBe(world.Head.Audit.Name);
        afterPublishing.ShouldBe([imported.Id]);
        reimported.PublishedAt.ShouldBeNull();
        afterReimport.ShouldBeEmpty("another file is another report to approve");
    }

    /// <summary>A report published elsewhere, as an agency would import it.</summary>
    private static byte[] Seed() => File.ReadAllBytes(Gongkai.Reports.Tests.TestFiles.Seed("000"));

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
