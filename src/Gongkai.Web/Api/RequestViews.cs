using Gongkai.Core.Requests;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Security;
using Gongkai.Domain.Requests;
using Gongkai.Web.Requests;

namespace Gongkai.Web.Api;

/// <summary>What the JSON API shows of a request: to the applicant, and (personal data masked) to staff.</summary>
public static class RequestViews
{
    /// <summary>A due date; <c>Date</c> is null while the period waits for a letter's receipt to be recorded.</summary>
    public sealed record DeadlineView(string Label, DateOnly? Date, bool Passed, IReadOnlyList<string> Explanation);

    public sealed record StepView(int Sequence, string Kind, DateOnly Date, string Description);

    public sealed record LetterView(int Id, LetterKind Kind, string Title, string Number, DateOnly IssuedOn);

    public sealed record MessageView(bool FromApplicant, string Author, string Body, DateTime CreatedAt);

    public sealed record TrackedRequest(string TrackingCode, string Number, string Agency, RequestStatus Status, string StatusLabel,
        DateTime SubmittedAt, DateOnly? ReceivedOn, Outcome? Outcome, string? OutcomeLabel, int? RemainingWorkingDays,
        IReadOnlyList<DeadlineView> Deadlines, IReadOnlyList<StepView> History, IReadOnlyList<LetterView> Letters, IReadOnlyList<MessageView> Messages,
        string? SecurityNotice);

    public sealed record ApplicantView(ApplicantType Type, string Name, IdentityDocument IdentityDocument, string IdentityNumber,
        string? ContactName, string Phone, string? Email, string? Address);

    public sealed record StaffCase(int Id, string Number, string TrackingCode, int Version, int AgencyId, string Agency, Channel Channel,
        ApplicantView Applicant, string Description, DeliveryForm DeliveryForm, RequestStatus Status, string StatusLabel, Outcome? Outcome,
        DateOnly? ReceivedOn, DateOnly? DecidedOn, int? RemainingWorkingDays, bool Overdue, string? Assignee,
        IReadOnlyList<DeadlineView> Deadlines, IReadOnlyList<string> Irregularities, IReadOnlyList<StepView> History,
        IReadOnlyList<LetterView> Letters, IReadOnlyList<RequestStep> NextSteps);

    /// <summary>The applicant's view; <paramref name="notice"/> tells of wrong answers given for the code since the last access.</summary>
    public static TrackedRequest Tracked(RequestCase c, FailedTries? notice) => new(c.Request.TrackingCode, c.Request.Number, c.Agency.Name, c.Clock.Status,
        RequestStatuses.Label(c.Clock.Status), c.Request.SubmittedAt, c.Request.ReceivedOn, c.Clock.Outcome,
        c.Clock.Outcome is { } o ? Outcomes.Of(o).Label : null, c.RemainingWorkingDays, Deadlines(c), History(c),
        [.. c.ApplicantLetters.Select(Letter)],
        [.. c.Messages.Select(m => new MessageView(m.FromApplicant, m.FromApplicant ? m.AuthorName : c.Agency.OfficeName, m.Body, m.CreatedAt))],
        notice is null ? null : TrackingMessages.Notice(notice));

    public static StaffCase Staff(RequestCase c)
    {
        var r = c.Request;
        return new StaffCase(r.Id, r.Number, r.TrackingCode, r.Version, r.AgencyId, c.Agency.Name, r.Channel,
            new ApplicantView(r.ApplicantType, r.ApplicantName, r.IdentityDocument, Masking.IdNumber(r.IdentityNumber), r.ContactName,
                Masking.Phone(r.Phone), r.Email, Masking.Address(r.Address)),
            r.Description, r.DeliveryForm, c.Clock.Status, RequestStatuses.Label(c.Clock.Status), c.Clock.Outcome, r.ReceivedOn, r.DecidedOn,
            c.RemainingWorkingDays, c.IsOverdue, c.AssigneeName, Deadlines(c), c.Clock.Irregularities, History(c),
            [.. c.Letters.Select(Letter)], RequestSteps.Available(c.Clock, c.Today));
    }

    private static IReadOnlyList<DeadlineView> Deadlines(RequestCase c) =>
        [.. c.Deadlines.Select(d => new DeadlineView(d.Label, d.Date, d.Passed, d.Explanation))];

    private static IReadOnlyList<StepView> History(RequestCase c) =>
        [.. c.History.Select(h => new StepView(h.Sequence, h.Kind, h.Date, RequestEventText.Describe(h.ToEvent())))];

    private static LetterView Letter(RequestLetter l) => new(l.Id, l.Kind, l.Title, l.Number, l.IssuedOn);
}
