using Gongkai.Core.Storage;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests;

/// <summary>Which requests a list shows.</summary>
public enum QueueView
{
    /// <summary>在办: every open request, most urgent first.</summary>
    Open,
    Overdue,
    DueSoon,
    /// <summary>Submitted online and not yet confirmed as received.</summary>
    AwaitingReceipt,
    /// <summary>办结 and decided, newest first.</summary>
    Finished,
}

public sealed record QueueFilter
{
    public QueueView View { get; init; } = QueueView.Open;
    /// <summary>Only requests assigned to this person.</summary>
    public Guid? AssigneeId { get; init; }
    /// <summary>申请编号, 查询码 or the applicant's name.</summary>
    public string? Query { get; init; }
    public int Page { get; init; } = 1;
}

/// <summary>What needs attention on a request today.</summary>
public enum Attention
{
    None,
    /// <summary>The answer's due date has passed.</summary>
    Overdue,
    /// <summary>The applicant's or the consulted party's deadline has passed: the office must take the next step.</summary>
    WaitingOver,
    /// <summary>Submitted online; receipt to be confirmed.</summary>
    AwaitingReceipt,
    /// <summary>At most three working days left.</summary>
    DueSoon,
    /// <summary>A letter whose period runs from its receipt is not yet recorded as received.</summary>
    AwaitingDelivery,
    /// <summary>Decided; the reply is to be delivered.</summary>
    ToDeliver,
}

/// <summary>One line of the queue, with the date that matters for its state and what it needs.</summary>
public sealed record QueueRow(
    int Id, string Number, int AgencyId, string AgencyName, string ApplicantName, ApplicantType ApplicantType, string Description,
    Channel Channel, RequestStatus Status, Outcome? Outcome, DateOnly? ReceivedOn, string DateLabel, DateOnly? Date, int? RemainingWorkingDays,
    Attention Attention, Guid? AssigneeId, string? AssigneeName, bool ExtensionAsked, DateTime SubmittedAt);

public sealed record QueuePage(IReadOnlyList<QueueRow> Rows, bool HasMore);

/// <summary>
/// The queue: open requests replayed on their agency's calendar for today and sorted by urgency
/// (overdue, deadlines passed, awaiting receipt, due soon, then by date); finished ones newest first.
/// Open requests are bounded by what an office can handle, so they are replayed in memory.
/// </summary>
public sealed class RequestQueue(GongkaiDbContext db, RequestLedger ledger, OfficeClock clock)
{
    public const int PageSize = 50;
    public const int DueSoonWorkingDays = 3;

    public async Task<QueuePage> ListAsync(RequestActor actor, QueueFilter filter, CancellationToken cancellationToken = default)
    {
        var query = actor.Scope.Apply(db.Requests.AsNoTracking(), r => r.AgencyId);
        if (filter.AssigneeId is { } assignee)
            query = query.Where(r => r.AssigneeId == assignee);
        if (filter.Query?.Trim() is { Length: > 0 } text)
            query = Search(query, text);
        if (filter.View == QueueView.Finished)
        {
            var page = Math.Max(1, filter.Page);
            var finished = await query.Where(r => r.Status == RequestStatus.Decided || r.Status == RequestStatus.Closed)
                .OrderByDescending(r => r.DecidedOn).ThenByDescending(r => r.Id)
                .Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
            var rows = await RowsAsync(finished.Take(PageSize).ToList(), cancellationToken);
            return new QueuePage(rows, finished.Count > PageSize);
        }
        var open = await query.Where(r => r.Status != RequestStatus.Closed).ToListAsync(cancellationToken);
        var all = (await RowsAsync(open, cancellationToken)).Where(r => filter.View switch
        {
            QueueView.Overdue => r.Attention == Attention.Overdue,
            QueueView.DueSoon => r.Attention == Attention.DueSoon,
            QueueView.AwaitingReceipt => r.Status == RequestStatus.Submitted,
            _ => true,
        });
        return new QueuePage([.. all.OrderBy(r => r.Attention == Attention.None ? 9 : (int)r.Attention)
            .ThenBy(r => r.Date ?? DateOnly.MaxValue).ThenBy(r => r.Id)], false);
    }

    /// <summary>Requests of every agency past their answer's due date today (a metric for operators).</summary>
    public async Task<int> CountOverdueAsync(CancellationToken cancellationToken = default)
    {
        var open = await db.Requests.AsNoTracking().Where(r => r.Status != RequestStatus.Closed).ToListAsync(cancellationToken);
        return (await RowsAsync(open, cancellationToken)).Count(r => r.Attention == Attention.Overdue);
    }

    /// <summary>Open requests of one agency, for reminders.</summary>
    public async Task<IReadOnlyList<QueueRow>> OpenOfAgencyAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        var open = await db.Requests.AsNoTracking().Where(r => r.AgencyId == agencyId && r.Status != RequestStatus.Closed).ToListAsync(cancellationToken);
        return await RowsAsync(open, cancellationToken);
    }

    private static IQueryable<InformationRequest> Search(IQueryable<InformationRequest> query, string text)
    {
        if (TrackingCode.TryParse(text, out var code))
            return query.Where(r => r.TrackingCode == code);
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && int.TryParse(text[(dash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            return query.Where(r => r.Id == id);
        return query.Where(r => r.ApplicantName.Contains(text) || (r.ContactName != null && r.ContactName.Contains(text)));
    }

    private async Task<IReadOnlyList<QueueRow>> RowsAsync(IReadOnlyList<InformationRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
            return [];
        var ids = requests.Select(r => r.Id).ToList();
        var events = (await db.RequestEvents.AsNoTracking().Where(e => ids.Contains(e.RequestId)).ToListAsync(cancellationToken))
            .ToLookup(e => e.RequestId);
        var agencyIds = requests.Select(r => r.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var assigneeIds = requests.Where(r => r.AssigneeId is not null).Select(r => r.AssigneeId!.Value).Distinct().ToList();
        var assignees = await db.Users.AsNoTracking().Where(u => assigneeIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var today = clock.Today;
        var rows = new List<QueueRow>(requests.Count);
        foreach (var r in requests)
        {
            var calendar = await ledger.CalendarAsync(r.AgencyId, cancellationToken);
            var c = RequestLedger.Fold(r, events[r.Id].OrderBy(e => e.Sequence), calendar, await ledger.RulesAsync(r.AgencyId, cancellationToken));
            var (label, date, attention) = Urgency(c, today, DateOnly.FromDateTime(ChinaTime.FromUtc(r.SubmittedAt)));
            rows.Add(new QueueRow(r.Id, r.Number, r.AgencyId, agencies[r.AgencyId], r.ApplicantName, r.ApplicantType, r.Description,
                r.Channel, r.Status, r.Outcome, r.ReceivedOn, label, date,
                c.Receipt is not null && RequestStatuses.IsOpen(c.Status) ? c.RemainingWorkingDays(today) : null,
                attention, r.AssigneeId, r.AssigneeId is { } a ? assignees.GetValueOrDefault(a) : null, r.ExtensionRequestedDays is not null, r.SubmittedAt));
        }
        return rows;
    }

    /// <summary>The date that matters in each state, and whether it calls for action today.</summary>
    private static (string Label, DateOnly? Date, Attention Attention) Urgency(RequestClock c, DateOnly today, DateOnly submitted)
    {
        if (RequestStatuses.IsOpen(c.Status) && c.Status != RequestStatus.Submitted && c.IsOverdue(today))
            return ("答复期限", c.AnswerDue, Attention.Overdue);
        return c.Status switch
        {
            RequestStatus.Submitted => ("提交日期", submitted, Attention.AwaitingReceipt),
            RequestStatus.Processing when c.IsDueSoon(today, DueSoonWorkingDays) => ("答复期限", c.AnswerDue, Attention.DueSoon),
            RequestStatus.Processing => ("答复期限", c.AnswerDue, Attention.None),
            RequestStatus.AwaitingCorrection => Waiting("补正期限", c.CorrectionDue, today),
            RequestStatus.Consulting when c.OpenConsultations.Any(x => x.DeliveredOn is null) => ("意见期限", null, Attention.AwaitingDelivery),
            RequestStatus.Consulting => Waiting("意见期限", c.OpenConsultations.Max(x => x.ReplyDue), today),
            RequestStatus.AwaitingFee => Waiting("缴费期限", c.FeePaymentDue, today),
            RequestStatus.AwaitingReasons when c.IsDueSoon(today, DueSoonWorkingDays) => ("答复期限", c.AnswerDue, Attention.DueSoon),
            RequestStatus.AwaitingReasons => Waiting("说明理由期限", c.ReasonsDue, today),
            RequestStatus.Decided => ("决定日期", c.DecidedOn, Attention.ToDeliver),
            RequestStatus.Closed => ("办结日期", c.DeliveredOn, Attention.None),
        };
    }

    /// <summary>A period of the applicant or a party: unknown until its letter's receipt is recorded, then over or running.</summary>
    private static (string, DateOnly?, Attention) Waiting(string label, DateOnly? due, DateOnly today) =>
        due is not { } d ? (label, null, Attention.AwaitingDelivery) : (label, d, today > d ? Attention.WaitingOver : Attention.None);
}
