using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Demo;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.AnnualReports.Demo;

/// <summary>
/// The demo's annual reports, generated from the demo's own requests and documents: last year's
/// report of three offices published on time (so /reports is not empty), with the figures of
/// table 二 the platform does not hold entered by their office heads; then the city government's
/// report of last year, which sums its own requests and its departments' reports (docs/decisions/0022),
/// published by 31 March; and this year's drafts (partial: the year is still running). 明德区's
/// report also covers its two streets, as its government decided.
/// </summary>
internal sealed class AnnualReportDemo(GongkaiDbContext db, AnnualReportService reports, ReportScopes scopes, OfficeClock clock) : IDemoStep
{
    public int Order => 600;

    private static readonly (string Agency, string Head, string Licensing, string Penalties, string Coercion, string Fees)[] Offices =
    [
        ("city.office", "shi.fuze", "0", "0", "0", "0"),
        ("city.land", "ziran.fuze", "1286", "57", "3", "2318.46"),
        ("mingde.office", "mingde.fuze", "0", "0", "0", "0"),
    ];

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var lastYear = today.Year - 1;
        var published = 0;
        foreach (var (key, head, licensing, penalties, coercion, fees) in Offices)
        {
            var agency = context.Agencies[key];
            var actor = await ActorAsync(head, cancellationToken);
            var draft = Check(await reports.GenerateAsync(agency.Id, lastYear, reset: false, actor, cancellationToken));
            draft = Check(await reports.EnterFiguresAsync(draft.Id, draft.Version, new Dictionary<string, string?>
            {
                ["proactive.licensing.decisions"] = licensing,
                ["proactive.penalties.decisions"] = penalties,
                ["proactive.coercion.decisions"] = coercion,
                ["proactive.fees.amount"] = fees,
            }, actor, cancellationToken: cancellationToken));
            // Departments publish by 31 January (条例第四十九条): the demo's did, on the 20th.
            var on = new DateOnly(today.Year, 1, 20);
            Check(await reports.PublishAsync(draft.Id, draft.Version, null, actor, on <= today ? on : today, cancellationToken));
            published++;
            if (key != "mingde.office")
                Check(await reports.GenerateAsync(agency.Id, today.Year, reset: false, actor, cancellationToken));
        }
        var mingde = context.Agencies["mingde"];
        var administrator = new RequestActor(context.Actor, null, [Accounts.Roles.Admin], AgencyScope.Everything);
        Check(await scopes.SaveAsync(mingde.Id, [.. new[] { "mingde.office", "mingde.land", "mingde.housing", "mingde.wenchang", "mingde.heping" }
            .Select(k => context.Agencies[k].Id)], administrator, cancellationToken));
        // Governments publish by 31 March (条例第四十九条), after their departments.
        var city = context.Agencies["city"];
        var government = await ActorAsync("shi.zhengfu", cancellationToken);
        var report = Check(await reports.GenerateAsync(city.Id, lastYear, reset: false, government, cancellationToken));
        var march = new DateOnly(today.Year, 3, 20);
        Check(await reports.PublishAsync(report.Id, report.Version, null, government, march <= today ? march : today, cancellationToken));
        published++;
        context.Summary.Add($"{lastYear}年度政府信息公开工作年度报告 {published} 份（已发布，含市人民政府汇总本级和各部门的报告），{today.Year}年度报告草稿 2 份");
    }

    private async Task<RequestActor> ActorAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName, cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!)
            .ToListAsync(cancellationToken);
        return new RequestActor(new AuditActor(user.Id, $"{user.DisplayName}（{user.UserName}）", null), user.AgencyId, roles,
            await AgencyScope.ForAsync(db, user.AgencyId, roles, cancellationToken));
    }

    private static T Check<T>(Result<T> result) where T : class =>
        result.Value ?? throw new InvalidOperationException("演示年度报告失败：" + string.Join(" ", result.Errors.Select(e => e.Message)));
}
