using System.Text;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Audit;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Generation;
using Gongkai.Domain.Requests;
using Gongkai.Reports.Formats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.RequestsWorld;

namespace Gongkai.Core.Tests.AnnualReports;

/// <summary>
/// Drafts kept across regeneration, the publishing gate (never before the year is over), the frozen year and
/// its carry, and last year's report imported.
/// </summary>
public sealed class PublishingTests
{
    /// <summary>
    /// Issue 14 row 4: the 2025 report is published with 结转 1; on 2026-01-20 a decision dated 2025-12-30 is refused
    /// (it would move a published figure), and 2026's 上年结转 is the published 1, so year.carry holds.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Step_DatedIntoAPublishedYear_IsRefusedAndNextYearCarriesThePublishedFigure(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-01-20");
        var granted = await world.RegisterAsync("2025-11-03");
        var open = await world.RegisterAsync("2025-12-22");
        await Decide(world, granted.Id, "2025-11-20", Outcome.Granted);
        var draft = Ok(await Service(world, s => s.GenerateAsync(world.Office.Id, 2025, reset: false, world.Handler)));
        var published = Ok(await Service(world, s => s.PublishAsync(draft.Id, draft.Version, null, world.Handler)));

        var backdated = await world.StepAsync(open.Id, new StepInput { Step = RequestStep.Decide, Date = D("2025-12-30"), Outcome = Outcome.NotHeld, Reason = "理由" });
        var lateRegistration = await RegisterAsync(world, "2025-12-31");
        await Decide(world, open.Id, "2026-01-20", Outcome.NotHeld);
        var next = Ok(await Service(world, s => s.GenerateAsync(world.Office.Id, 2026, reset: false, world.Handler)));
        var view = await View(world, published.Id);
        var nextView = await View(world, next.Id);

        backdated.Errors.ShouldHaveSingleItem().Message.ShouldBe(
            "示范市人民政府办公室2025年度报告已于2026-01-20发布，这一步骤涉及2025-12-30，会改变已发布报告的统计数据，不能登记。已发布年度的数据不再变动：请核实日期；确属漏登的，请以实际登记之日登记，并在说明中注明原来的日期。");
        lateRegistration.Errors.ShouldHaveSingleItem().Message.ShouldContain("这一步骤涉及2025-12-31");
        published.Status.ShouldBe(ReportStatus.Published);
        view.Report.Source.IssuedOn.ShouldBe(D("2026-01-20"));
        view.Publication.ShouldBe(Domain.Supervision.PublicationStatus.OnTime);
        view.Drift.ShouldBeEmpty();
        nextView.Report.Requests.Value("carriedOver", 6).ShouldBe(1m);
        nextView.Live!.Carry.ShouldBe(new CarrySource(2025, ReportStatus.Published, 1, 1));
        nextView.Report.Requests.Value("results.unavailable.notHeld", 6).ShouldBe(1m);
        nextView.Findings.Where(f => f.Rule is Rules.YearCarry or Rules.RequestsBalance).ShouldBeEmpty();
        (await Counting(world, open.Id)).Select(r => r.Year).ShouldBe([2025]);
        (await Counting(world, (await world.RegisterAsync("2026-01-05")).Id)).ShouldBeEmpty();
        var again = await Service(world, s => s.GenerateAsync(world.Office.Id, 2025, reset: false, world.Head));
        again.Errors.ShouldHaveSingleItem().Message.ShouldBe("2025年度报告已发布，数据已锁定，不能重新生成。");
    }

    /// <summary>
    /// Issue 14 row 4, the other way: a review case concluded on a day of a published year and recorded after it is a
    /// correction — accepted, and shown on the published report as a later change; the report itself does not change.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReviewCase_RecordedAfterItsYearWasPublished_ShowsAsDriftOnThePublishedReport(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-01-20");
        var draft = Ok(await Service(world, s => s.GenerateAsync(world.Office.Id, 2025, reset: false, world.Handler)));
        var published = Ok(await Service(world, s => s.PublishAsync(draft.Id, draft.Version, null, world.Handler)));
        await using (var scope = world.Database.Scope())
        {
            (await scope.ServiceProvider.GetRequiredService<ReviewService>().SaveAsync(null, new ReviewInput
            {
                Kind = ReviewKind.Review, Subject = "认为未依法主动公开停车收费标准", FiledOn = D("2025-10-09"), Authority = "示范市人民政府",
                Result = ReviewResult.Upheld, ConcludedOn = D("2025-12-18"),
            }, world.Handler)).Succeeded.ShouldBeTrue();
        }

        var view = await View(world, published.Id);

        view.Report.ReviewLitigation.Value("review", 4).ShouldBe(0m, "the published figures stay as published");
        view.Drift.Select(c => (c.Path, c.Previous, c.Current)).ShouldBe(
            [("reviewLitigation.review.upheld", 0m, 1m), ("reviewLitigation.review.total", 0m, 1m)]);
    }

    /// <summary>Issue 14 row 2: a report is published only after 31 December of its year, from figures counted after it.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publish_BeforeTheYearIsOver_RefusedAndTheDraftIsPartial(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-06-01");
        await world.RegisterAsync("2026-05-06");
        var draft = Ok(await Service(world, s => s.GenerateAsync(world.Office.Id, 2026, reset: false, world.Head)));
        var early = await Service(world, s => s.PublishAsync(draft.Id, draft.Version, null, world.Head));
        var partial = await View(world, draft.Id);
        world.Today("2027-01-05");
        var stale = await Service(world, s => s.PublishAsync(draft.Id, draft.Version, null, world.Head));
        var regenerated = Ok(await Service(world, s => s.GenerateAsync(world.Office.Id, 2026, reset: false, world.Head)));
        var whole = await View(world, regenerated.Id);
        var published = await Service(world, s => s.PublishAsync(regenerated.Id, regenerated.Version, null, world.Head));

        early.Errors.ShouldHaveSingleItem().Message.ShouldBe("2026年度尚未结束，年度报告须在2026年12月31日之后发布（草稿可以随时生成）。");
        partial.IsPartial.ShouldBeTrue();
        partial.Report.Section(0)!.Text.ShouldEndWith("（本稿为年度中间稿，数据截至2026年6月1日。）");
        stale.Errors.ShouldHaveSingleItem().Message.ShouldBe("报告的数据统计于2026-06-01，不是全年数据，请重新生成后再发布。");
        whole.IsPartial.ShouldBeFalse();
        whole.Report.Section(0)!.Text.ShouldNotContain("中间稿");
        published.Value!.Status.ShouldBe(ReportStatus.Published);
        published.Value.PublishedOn.ShouldBe(D("2027-01-05"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publish_ErrorFinding_BlocksUntilTheOfficeHeadRecordsAReason(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-01-20");
        await world.RegisterAsync("2025-06-02");
        // Last year's report, published before the platform: it carried 4 requests forward, the records know of none.
        var imported = Ok(await Service(world, s => s.ImportAsync(world.Office.Id, 2024, Encoding.UTF8.GetBytes(LastYear(carriedForward: 4)),
            "2024年报.json", world.Handler)));
        var draft = Ok(await Service(world, s => s.GenerateAsync(world.Office.Id, 2025, reset: false, world.Handler)));
        var view = await View(world, draft.Id);
        // 上年结转 is the imported report's 4, so the year does not balance until the 4 carried requests are registered.
        view.Live!.Carry.ShouldBe(new CarrySource(2024, ReportStatus.Imported, 4, 0));
        view.Errors.Select(f => f.Rule).Distinct().ShouldBe([Rules.RequestsBalance]);
        var errors = view.Errors.Count;
        imported.Status.ShouldBe(ReportStatus.Imported);

        var byHandler = await Service(world, s => s.PublishAsync(draft.Id, draft.Version, "理由", world.Handler));
        var withoutReason = await Service(world, s => s.PublishAsync(draft.Id, draft.Version, "  ", world.Head));
        var byHead = Ok(await Service(world, s => s.PublishAsync(draft.Id, draft.Version, "上年报告结转数有误，已报上级备案。", world.Head)));

        byHandler.Errors.ShouldHaveSingleItem().Message.ShouldBe($"报告有{errors}个错误，须修正后再发布，或由公开办负责人说明理由后发布。");
        withoutReason.Errors.ShouldHaveSingleItem().Message.ShouldBe($"报告有{errors}个错误。确需发布的，请填写发布理由。");
        byHead.OverrideReason.ShouldBe("上年报告结转数有误，已报上级备案。");
        byHead.PublishedByName.ShouldBe(world.Head.Audit.Name);
        await using var scope = world.Database.Scope();
        var entry = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Action == AuditAction.AnnualReportPublishedOverride);
        entry.Summary.ShouldContain("理由：上年报告结转数有误，已报上级备案。");
        entry.Summary.ShouldContain($"有{errors}个错误");
        entry.ActorName.ShouldBe(world.Head.Audit.Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Generate_Again_RefreshesSystemFiguresAndKeepsStaffTextAndEnteredFigures(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-03-20");
        await world.RegisterAsync("2026-03-02");
        var draft = Ok(await Service(world, s => s.GenerateAsync(world.Office.Id, 2026, reset: false, world.Handler)));
        draft = Ok(await Service(world, s => s.SaveTextAsync(draft.Id, draft.Version, 5, "一是答复文书不够规范。二是培训不足。下一步将加强培训，统一答复文书格式，提高办理质量。", world.Handler)));
        draft = Ok(await Service(world, s => s.EnterFiguresAsync(draft.Id, draft.Version,
            new Dictionary<string, string?> { ["proactive.licensing.decisions"] = "1,280", ["proactive.fees.amount"] = "12.5" }, world.Handler)));
        var refused = await Service(world, s => s.EnterFiguresAsync(draft.Id, draft.Version,
            new Dictionary<string, string?> { ["proactive.penalties.decisions"] = "-3", ["requests.newReceived.total"] = "9" }, world.Handler));
        await world.RegisterAsync("2026-03-10");

        var regenerated = Ok(await Service(world, s => s.GenerateAsync(world.Office.Id, 2026, reset: false, world.Handler)));
        var view = await View(world, regenerated.Id);

        refused.Errors.Select(e => e.Message).ShouldBe(["“requests.newReceived.total”不是需要填报的单元格（系统统计的数据不能人工修改）。", "行政处罚：“本年处理决定数量”应为不小于0的整数。"], ignoreOrder: true);
        view.Report.Requests.Value("newReceived", 6).ShouldBe(2m);
        view.Report.Section(3)!.Text.ShouldContain("本年度新收政府信息公开申请2件");
        view.Report.Section(5)!.Text.ShouldStartWith("一是答复文书不够规范。");
        view.Report.Proactive.Value("licensing", 0).ShouldBe(1280m);
        view.Report.Proactive.Value("fees", 0).ShouldBe(12.5m);
        view.SourceOf("proactive.licensing.decisions").ShouldBe(FigureSource.Entered);
        view.SourceOf("proactive.normativeDocuments.issued").ShouldBe(FigureSource.System);
        view.Figures.Single(f => f.Cell == "proactive.licensing.decisions").RecordedByName.ShouldBe(world.Handler.Audit.Name);

        var reset = Ok(await Service(world, s => s.GenerateAsync(world.Office.Id, 2026, reset: true, world.Handler)));
        var fresh = await View(world, reset.Id);
        fresh.Report.Proactive.Value("licensing", 0).ShouldBe(0m);
        fresh.Report.Section(5)!.Text.ShouldStartWith("一是依申请公开答复文书");
        fresh.Figures.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportFigures_Csv_KeepsTheFileAsSource(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-03-20");
        var draft = Ok(await Service(world, s => s.GenerateAsync(world.Office.Id, 2026, reset: false, world.Handler)));
        var csv = "单元格,数值\nproactive.licensing.decisions,300\nproactive.penalties.decisions,12\n"u8.ToArray();

        var imported = Ok(await Service(world, s => s.ImportFiguresAsync(draft.Id, draft.Version, csv, "许可处罚.csv", world.Handler)));
        var view = await View(world, imported.Id);

        view.Report.Proactive.Value("penalties", 0).ShouldBe(12m);
        view.SourceOf("proactive.licensing.decisions").ShouldBe(FigureSource.Imported);
        view.Figures.Select(f => f.FileName).Distinct().ShouldBe(["许可处罚.csv"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_ReportPrintedForAnotherRegisteredAgency_Refused(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-01-20");

        var police = await Service(world, s => s.ImportAsync(world.Office.Id, 2024, Encoding.UTF8.GetBytes(LastYear(0, "示范市公安局")), "公安局2024年报.json", world.Handler));
        var unknown = await Service(world, s => s.ImportAsync(world.Office.Id, 2024, Encoding.UTF8.GetBytes(LastYear(0, "某某办公室")), "2024年报.json", world.Handler));

        police.Errors.ShouldHaveSingleItem().Message.ShouldBe("文件所署机关为“示范市公安局”，是本平台的另一机关（示范市公安局），不能作为示范市人民政府办公室的报告导入。");
        unknown.Value.ShouldNotBeNull("a name the platform does not know is the office's own choice");
    }

    private static string LastYear(int carriedForward, string agency = "示范市人民政府办公室")
    {
        var report = new AnnualReport { Template = ReportTemplate.Y2021, Year = 2024, Agency = agency };
        foreach (var table in ReportSchema.Tables)
        {
            foreach (var row in ReportSchema.Rows(ReportTemplate.Y2021, table))
                report.Table(table).Set(row.Key, [.. row.Columns.Select(_ => Cell.Of(0))]);
        }
        report.Requests.Set("newReceived", [Cell.Of(carriedForward), Cell.Of(0), Cell.Of(0), Cell.Of(0), Cell.Of(0), Cell.Of(0), Cell.Of(carriedForward)]);
        report.Requests.Set("carriedForward", [Cell.Of(carriedForward), Cell.Of(0), Cell.Of(0), Cell.Of(0), Cell.Of(0), Cell.Of(0), Cell.Of(carriedForward)]);
        return JsonReport.Write(report, []);
    }

    private static async Task<Result<AnnualReportRecord>> Service(RequestsWorld world, Func<AnnualReportService, Task<Result<AnnualReportRecord>>> action)
    {
        await using var scope = world.Database.Scope();
        return await action(scope.ServiceProvider.GetRequiredService<AnnualReportService>());
    }

    private static async Task<ReportView> View(RequestsWorld world, int id)
    {
        await using var scope = world.Database.Scope();
        return (await scope.ServiceProvider.GetRequiredService<AnnualReportService>().FindAsync(Core.Agencies.AgencyScope.Everything, id))!;
    }

    private static async Task<IReadOnlyList<AnnualReportRecord>> Counting(RequestsWorld world, int requestId)
    {
        await using var scope = world.Database.Scope();
        var request = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Requests.AsNoTracking().SingleAsync(r => r.Id == requestId);
        return await scope.ServiceProvider.GetRequiredService<AnnualReportService>().PublishedCountingAsync(request);
    }

    private static async Task<Result<InformationRequest>> RegisterAsync(RequestsWorld world, string received)
    {
        await using var scope = world.Database.Scope();
        return await scope.ServiceProvider.GetRequiredService<RequestIntake>().RegisterAsync(Application(world.Office.Id),
            new RegistrationInput { Channel = Channel.InPerson, ReceivedOn = D(received) }, [], world.Handler);
    }

    private static AnnualReportRecord Ok(Result<AnnualReportRecord> result) =>
        result.Value ?? throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));

    private static async Task Decide(RequestsWorld world, int id, string date, Outcome outcome) =>
        (await world.StepAsync(id, new StepInput { Step = RequestStep.Decide, Date = D(date), Outcome = outcome, Reason = "理由" })).Succeeded.ShouldBeTrue();
}
