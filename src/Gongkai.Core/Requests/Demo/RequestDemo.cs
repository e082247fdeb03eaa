using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Calendar;
using Gongkai.Core.Demo;
using Gongkai.Core.Storage;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests.Demo;

/// <summary>
/// A year of requests in the demo region, taken through the same use cases as real ones and dated
/// on the real calendar back from today: every outcome of table 三, corrections, consultations,
/// extensions, fees, a transfer, reviews and lawsuits, and a live queue in every state (online
/// submissions to confirm, due soon, overdue, waiting for a correction, a consultation or a fee,
/// decided and waiting for delivery, an extension waiting for the office head).
/// </summary>
internal sealed partial class RequestDemo(GongkaiDbContext db, RequestIntake intake, RequestCommands commands, ReviewService reviews,
    CalendarStore calendars, OfficeClock clock) : IDemoStep
{
    public int Order => 400;

    // Named members so the nested Case can reach the services.
    private GongkaiDbContext Db { get; } = db;
    private RequestIntake Intake { get; } = intake;
    private RequestCommands Commands { get; } = commands;
    private ReviewService Reviews { get; } = reviews;
    private CalendarStore Calendars { get; } = calendars;
    private OfficeClock Clock { get; } = clock;

    /// <summary>An office's staff: the handler who does the work and, where the demo has one, the office head.</summary>
    private sealed record Desk(string Key, Agency Agency, RequestActor Handler, RequestActor? Head, WorkingCalendar Calendar);

    private readonly Dictionary<string, int> perAgency = new(StringComparer.Ordinal);
    private int applicants;
    private int requests;
    private int reviewCount;

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        await Calendars.ImportShippedYearsAsync(context.Actor, cancellationToken);
        var desks = new Dictionary<string, Desk>(StringComparer.Ordinal);
        foreach (var (key, handler, head) in new (string, string, string?)[]
        {
            ("city.office", "shi.chengban", "shi.fuze"), ("city.land", "ziran.chengban", "ziran.fuze"),
            ("mingde.office", "mingde.chengban", "mingde.fuze"), ("city.police", "gongan.chengban", null),
            ("linjiang.housing", "linjiang.chengban", null), ("anlan.chengguan", "anlan.chengban", null),
        })
        {
            var agency = context.Agencies[key];
            desks[key] = new Desk(key, agency, await ActorAsync(handler, cancellationToken),
                head is null ? null : await ActorAsync(head, cancellationToken), await Calendars.ForAgencyAsync(agency.Id, cancellationToken));
        }
        await FinishedYearAsync(desks, context.Random, cancellationToken);
        await LiveQueueAsync(desks, cancellationToken);
        await ApplicantAccountAsync(desks["city.office"], cancellationToken);
        context.Summary.Add($"依申请公开申请 {requests} 件（各种办理状态和表三全部办理结果），行政复议、行政诉讼 {reviewCount} 件");
    }

    private async Task<RequestActor> ActorAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await Db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName, cancellationToken);
        var roles = await (from ur in Db.UserRoles join r in Db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync(cancellationToken);
        return new RequestActor(new AuditActor(user.Id, $"{user.DisplayName}（{user.UserName}）", null), user.AgencyId, roles,
            await AgencyScope.ForAsync(Db, user.AgencyId, roles, cancellationToken));
    }

    /// <summary>A request that arrived <paramref name="age"/> working days ago, registered and assigned to the desk's handler.</summary>
    private async Task<Case> OpenAsync(Desk desk, int age, bool organisation = false, Channel channel = Channel.InPerson,
        DeliveryForm form = DeliveryForm.Electronic, int? applicant = null, string? description = null, CancellationToken cancellationToken = default)
    {
        DemoSeeder.ForgetSavedRows(Db);
        var n = perAgency[desk.Key] = perAgency.GetValueOrDefault(desk.Key) + 1;
        var who = applicant ?? applicants++;
        var text = description ?? DemoTopics.For(desk.Key, n - 1);
        var input = organisation ? DemoApplicants.Organisation(who, desk.Agency.Id, text, form) : DemoApplicants.Person(who, desk.Agency.Id, text, form);
        var received = Back(desk.Calendar, Clock.Today, age);
        var result = await Intake.RegisterAsync(input, new RegistrationInput { Channel = channel, ReceivedOn = received }, [], desk.Handler, cancellationToken);
        var request = result.Value ?? throw Failed("登记", result.Errors);
        requests++;
        var demoCase = new Case(this, desk, request.Id, received);
        await demoCase.AssignAsync(cancellationToken);
        return demoCase;
    }

    /// <summary>The working day <paramref name="days"/> working days before <paramref name="from"/>.</summary>
    internal static DateOnly Back(WorkingCalendar calendar, DateOnly from, int days)
    {
        var date = from;
        while (days > 0 || !calendar.IsWorkingDay(date))
        {
            date = date.AddDays(-1);
            if (calendar.IsWorkingDay(date))
                days--;
        }
        return date;
    }

    private static InvalidOperationException Failed(string what, IEnumerable<FieldError> errors) =>
        new($"演示申请{what}失败：" + string.Join(" ", errors.Select(e => e.Message)));

    /// <summary>One demo request and the steps taken on it, dated in working days after its receipt.</summary>
    private sealed class Case(RequestDemo demo, Desk desk, int id, DateOnly received)
    {
        public int Id => id;
        public Desk Desk => desk;
        public DateOnly Day(int workingDays) => desk.Calendar.AddWorkingDays(received, workingDays);

        public async Task<Case> StepAsync(RequestStep step, int atWorkingDay, StepInput? input = null, bool byHead = false,
            CancellationToken cancellationToken = default)
        {
            var version = await demo.Db.Requests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync(cancellationToken);
            var actor = byHead ? desk.Head! : desk.Handler;
            var result = await demo.Commands.PerformAsync(id, (input ?? new StepInput()) with { Step = step, Version = version, Date = Day(atWorkingDay) },
                actor, [], cancellationToken);
            if (!result.Succeeded)
                throw Failed(RequestSteps.Label(step), result.Errors);
            LastStep = result.Value!.Sequence;
            return this;
        }

        /// <summary>The sequence of the last step taken, for its letter's delivery.</summary>
        public int LastStep { get; private set; }

        /// <summary>The last step's letter reached its addressee <paramref name="atWorkingDay"/> (posted the day of the step when by post).</summary>
        public Task<Case> ReceivedAsync(int atWorkingDay, DeliveryChannel channel = DeliveryChannel.InPerson, string? party = null,
            CancellationToken cancellationToken = default) =>
            DeliverStepAsync(LastStep, atWorkingDay, channel, party, cancellationToken);

        public async Task<Case> DeliverStepAsync(int of, int atWorkingDay, DeliveryChannel channel, string? party = null, CancellationToken cancellationToken = default)
        {
            var sent = await demo.Db.RequestEvents.Where(e => e.RequestId == id && e.Sequence == of).Select(e => e.Date).SingleAsync(cancellationToken);
            return await StepAsync(RequestStep.Deliver, atWorkingDay, new StepInput
            {
                Of = of, DeliveryChannel = channel, Party = party, SentOn = channel == DeliveryChannel.Post ? sent : null,
                Reference = channel == DeliveryChannel.Post ? $"XA{id:D6}{of:D2}CN" : null,
            }, cancellationToken: cancellationToken);
        }

        public Task<Case> DecideAsync(Outcome outcome, int at, string reason = "", CancellationToken cancellationToken = default) =>
            StepAsync(RequestStep.Decide, at, new StepInput { Outcome = outcome, Reason = reason }, cancellationToken: cancellationToken);

        /// <summary>The decision reaches the applicant: by e-mail, or posted the day before.</summary>
        public Task<Case> DeliverAsync(int at, DeliveryChannel channel = DeliveryChannel.Electronic, CancellationToken cancellationToken = default) =>
            StepAsync(RequestStep.Deliver, at, new StepInput
            {
                DeliveryChannel = channel, Method = channel == DeliveryChannel.Electronic ? "电子邮件" : null,
                SentOn = channel == DeliveryChannel.Post ? Day(at - 1) : null, Reference = channel == DeliveryChannel.Post ? $"XA{id:D6}99CN" : null,
            }, cancellationToken: cancellationToken);

        public async Task AssignAsync(CancellationToken cancellationToken)
        {
            var version = await demo.Db.Requests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync(cancellationToken);
            var result = await demo.Commands.AssignAsync(id, desk.Handler.Audit.Id, version, desk.Head ?? desk.Handler, cancellationToken);
            if (!result.Succeeded)
                throw Failed("分配", result.Errors);
        }

        public async Task ReviewAsync(ReviewKind kind, int filedDaysAfterDecision, ReviewResult result, int? concludedDaysAfterFiling,
            CancellationToken cancellationToken = default)
        {
            var decided = await demo.Db.Requests.Where(r => r.Id == id).Select(r => r.DecidedOn!.Value).SingleAsync(cancellationToken);
            var filed = Min(decided.AddDays(filedDaysAfterDecision), demo.Clock.Today);
            var concluded = concludedDaysAfterFiling is { } days ? Min(filed.AddDays(days), demo.Clock.Today) : (DateOnly?)null;
            var followed = kind == ReviewKind.LitigationAfterReview
                ? await demo.Db.ReviewCases.Where(r => r.RequestId == id && r.Kind == ReviewKind.Review).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken)
                : null;
            var saved = await demo.Reviews.SaveAsync(null, new ReviewInput
            {
                RequestId = id, ReviewOfId = followed, Kind = kind, FiledOn = filed, Result = result, ConcludedOn = concluded,
                CopyReceivedOn = Min(filed.AddDays(7), demo.Clock.Today),
                AnsweredOn = concluded is null && filed.AddDays(30) > demo.Clock.Today ? null : Min(filed.AddDays(14), demo.Clock.Today),
                Authority = kind == ReviewKind.Review ? "示范市人民政府" : "示范市明德区人民法院",
                CaseNumber = kind == ReviewKind.Review
                    ? $"示政复〔{filed.Year}〕{demo.reviewCount + 11}号"
                    : $"（{filed.Year}）示0102行初{demo.reviewCount + 21}号",
            }, desk.Handler, cancellationToken);
            if (!saved.Succeeded)
                throw Failed("复议诉讼登记", saved.Errors);
            demo.reviewCount++;
        }

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    }
}
