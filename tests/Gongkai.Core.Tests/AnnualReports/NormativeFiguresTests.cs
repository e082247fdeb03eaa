using Gongkai.Core.Accounts;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Catalogue;
using Gongkai.Domain.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.AnnualReports;

/// <summary>Table 二 §20(一) in generated reports, as the templates count it (issue 14 rows 3 and 6).</summary>
public sealed class NormativeFiguresTests
{
    private static DateTimeOffset Beijing(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// Row 3: a 规范性文件 valid until 2025-06-30 drops out of 现行有效 and counts in 2025's 本年废止 (自然失效), the prose
    /// says so, and the cross-year identity against the published 2024 report holds (no year.in-force).
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GeneratedReport_DocumentThatExpired_CountedInRepealedAsExpiryAndTheIdentityHolds(DatabaseProvider provider)
    {
        var clock = new ManualClock(Beijing(2024, 3, 1));
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        var world = await CatalogueWorld.CreateAsync(database);
        var head = new RequestActor(world.Handler.Actor, world.Agency.Id, [Roles.OfficeHead], world.Handler.Scope);
        await world.PublishedAsync(world.Input("临时管理措施", "第一条　为了规范管理，制定本措施。", DocumentKind.NormativeDocument)
            with { IssuedOn = new DateOnly(2024, 2, 20), ValidUntil = new DateOnly(2025, 6, 30) });
        await world.PublishedAsync(world.Input("管理办法", "第一条　为了规范管理，制定本办法。", DocumentKind.NormativeDocument) with { IssuedOn = new DateOnly(2024, 2, 25) });
        clock.Now = Beijing(2025, 1, 10);
        var y2024 = Ok(await Reports(database, r => r.GenerateAsync(world.Agency.Id, 2024, false, head)));
        Ok(await Reports(database, r => r.PublishAsync(y2024.Id, y2024.Version, null, head)));
        clock.Now = Beijing(2026, 1, 10);
        var y2025 = Ok(await Reports(database, r => r.GenerateAsync(world.Agency.Id, 2025, false, head)));

        await using var scope = database.Scope();
        var view = (await scope.ServiceProvider.GetRequiredService<AnnualReportService>().FindAsync(Core.Agencies.AgencyScope.Everything, y2025.Id))!;
        Row(view.Report, "normativeDocuments").ShouldBe([0m, 1m, 1m]);
        view.Report.Section(2)!.Text.ShouldContain("行政规范性文件1件（含自然失效1件）");
        view.Findings.ShouldNotContain(f => f.Rule == Rules.YearInForce);
        view.Previous!.Year.ShouldBe(2024);
    }

    /// <summary>Row 6: the 2019 template's 本年新公开 counts by publication date — issued 2019-12-25, published 2020-01-06: 2020.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GeneratedReport_Template2019_NewlyPublishedByPublicationDate(DatabaseProvider provider)
    {
        var clock = new ManualClock(Beijing(2020, 1, 6));
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        var world = await CatalogueWorld.CreateAsync(database);
        var head = new RequestActor(world.Handler.Actor, world.Agency.Id, [Roles.OfficeHead], world.Handler.Scope);
        await world.PublishedAsync(world.Input("年末印发的办法", "第一条　为了规范管理，制定本办法。", DocumentKind.NormativeDocument) with { IssuedOn = new DateOnly(2019, 12, 25) });
        clock.Now = Beijing(2021, 1, 10);

        var y2019 = Ok(await Reports(database, r => r.GenerateAsync(world.Agency.Id, 2019, false, head)));
        var y2020 = Ok(await Reports(database, r => r.GenerateAsync(world.Agency.Id, 2020, false, head)));

        y2019.Template.ShouldBe("2019");
        // 本年新制作, 本年新公开, 对外公开总数量.
        Row(Gongkai.Reports.Formats.JsonReport.Read(y2019.ReportJson), "normativeDocuments").ShouldBe([1m, 0m, 1m]);
        Row(Gongkai.Reports.Formats.JsonReport.Read(y2020.ReportJson), "normativeDocuments").ShouldBe([0m, 1m, 1m]);
    }

    private static decimal?[] Row(AnnualReport report, string key) => [.. report.Proactive[key]!.Select(c => c.Value)];

    private static async Task<Result<AnnualReportRecord>> Reports(TestDatabase database, Func<AnnualReportService, Task<Result<AnnualReportRecord>>> action)
    {
        await using var scope = database.Scope();
        return await action(scope.ServiceProvider.GetRequiredService<AnnualReportService>());
    }

    private static AnnualReportRecord Ok(Result<AnnualReportRecord> result) =>
        result.Value ?? throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
}
