using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Calendar;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Storage;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests;

/// <summary>
/// The one way a step enters a request's history: fold what is recorded on the agency's calendar,
/// apply the step with every rule, append it, copy the derived status and dates onto the request,
/// issue the step's letter and write the audit line, all in the caller's transaction.
/// </summary>
public sealed class RequestLedger(GongkaiDbContext db, CalendarStore calendars, RequestRulesStore rules, LetterService letters, AuditLog audit, OfficeClock clock,
    AnnualReports.PublishedYears publishedYears)
{
    public const string ImportedRefusal = "此申请是自原系统导入的历史案件，只作记录，不能在本平台继续办理。";

    public async Task<IReadOnlyList<RequestEventRecord>> HistoryAsync(int requestId, CancellationToken cancellationToken = default) =>
        await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == requestId).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);

    public async Task<RequestClock> ClockAsync(InformationRequest request, IEnumerable<RequestEventRecord> history, CancellationToken cancellationToken = default) =>
        Fold(request, history, await calendars.ForAgencyAsync(request.AgencyId, cancellationToken), await rules.ForAgencyAsync(request.AgencyId, cancellationToken));

    /// <summary>The clock of a recorded history on the agency's calendar and rules; online requests are checked against their submission day.</summary>
    public static RequestClock Fold(InformationRequest request, IEnumerable<RequestEventRecord> history, WorkingCalendar calendar, RequestRules rules) =>
        RequestClock.FromRecord(history.Select(h => h.ToEvent()), calendar, rules, SubmittedOn(request));

    /// <summary>The day (北京时间) the applicant submitted a request online or by fax; null for channels whose receipt date is a fact of its own.</summary>
    public static DateOnly? SubmittedOn(InformationRequest request) =>
        request.Channel is Channel.Online ? DateOnly.FromDateTime(ChinaTime.FromUtc(request.SubmittedAt)) : null;

    public Task<WorkingCalendar> CalendarAsync(int agencyId, CancellationToken cancellationToken = default) =>
        calendars.ForAgencyAsync(agencyId, cancellationToken);

    public Task<RequestRules> RulesAsync(int agencyId, CancellationToken cancellationToken = default) =>
        rules.ForAgencyAsync(agencyId, cancellationToken);

    /// <summary>
    /// Appends <paramref name="step"/>, or says which rule refuses it. Saves: a concurrent change of
    /// the request surfaces as <see cref="DbUpdateConcurrencyException"/> for the caller to report.
    /// </summary>
    internal async Task<Result<RequestEventRecord>> AppendAsync(InformationRequest request, RequestEvent step, AuditActor actor,
        string? linkedTrackingCode = null, CancellationToken cancellationToken = default)
    {
        if (request.IsImported)
            return Result<RequestEventRecord>.Failure("", ImportedRefusal);
        if (step.Date > clock.Today)
            return Result<RequestEventRecord>.Failure("Date", $"日期不能晚于今天（{Day(clock.Today)}）。");
        var history = await HistoryAsync(request.Id, cancellationToken);
        var requestClock = await ClockAsync(request, history, cancellationToken);
        try
        {
            requestClock.Apply(step);
        }
        catch (RequestRuleException e)
        {
            return Result<RequestEventRecord>.Failure("", e.Message);
        }
        if (await publishedYears.RefusalAsync(request, requestClock, cancellationToken) is { } published)
            return Result<RequestEventRecord>.Failure("Date", published);

        Derive(request, requestClock);
        request.Version++;
        request.UpdatedAt = clock.UtcNow;
        var record = new RequestEventRecord
        {
            RequestId = request.Id,
            Sequence = history.Count + 1,
            Kind = RequestEventJson.Kind(step),
            Date = step.Date,
            Payload = RequestEventJson.Write(step),
            RecordedById = actor.Id,
            RecordedByName = actor.Name.Length > 100 ? actor.Name[..100] : actor.Name,
            RecordedAt = clock.UtcNow,
        };
        db.RequestEvents.Add(record);
        await db.SaveChangesAsync(cancellationToken);

        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == request.AgencyId, cancellationToken);
        var reviewBody = await ReviewBodyAsync(agency, cancellationToken);
        await letters.IssueAsync(new LetterContext(request, agency, reviewBody, requestClock, step, linkedTrackingCode), record, cancellationToken);
        audit.Record(actor, AuditAction.RequestStepRecorded, "Request", request.Id.ToString(CultureInfo.InvariantCulture),
            $"申请 {request.Number}：{RequestEventText.Describe(step)}（{Day(step.Date)}）");
        await db.SaveChangesAsync(cancellationToken);
        return Result<RequestEventRecord>.Success(record);
    }

    /// <summary>The copies of the clock's state kept on the request for lists and statistics.</summary>
    public static void Derive(InformationRequest request, RequestClock clock)
    {
        request.Status = clock.Status;
        request.Outcome = clock.Outcome;
        request.ReceivedOn = clock.Receipt?.Date;
        request.DecidedOn = clock.DecidedOn;
        request.ClosedOn = clock.Status == RequestStatus.Closed ? clock.DeliveredOn : null;
    }

    /// <summary>
    /// 复议机关: the government above the agency (a department's own government, a government's
    /// superior). Replies name it; the template can be edited where the law names another body.
    /// </summary>
    private async Task<string> ReviewBodyAsync(Agency agency, CancellationToken cancellationToken) =>
        agency.ParentId is { } parent
            ? await db.Agencies.Where(a => a.Id == parent).Select(a => a.Name).SingleAsync(cancellationToken)
            : "上一级行政机关";

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
