using Gongkai.Core.Agencies;
using Gongkai.Core.Files;
using Gongkai.Core.Requests.Letters;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Requests;

/// <summary>A due date of the case with how it was computed; <see cref="Date"/> is null while it waits for a letter's receipt.</summary>
public sealed record Deadline(string Label, DateOnly? Date, IReadOnlyList<string> Explanation, bool Passed);

/// <summary>Another request linked to this one by a transfer.</summary>
public sealed record LinkedRequest(int Id, string Number, string TrackingCode, string AgencyName, RequestStatus Status);

/// <summary>Everything the case page shows, with the clock replayed for today on the agency's calendar.</summary>
public sealed record RequestCase(
    InformationRequest Request,
    Agency Agency,
    RequestClock Clock,
    DateOnly Today,
    IReadOnlyList<RequestEventRecord> History,
    IReadOnlyList<RequestLetter> Letters,
    IReadOnlyList<(RequestAttachment Attachment, StoredFile File)> Attachments,
    IReadOnlyList<RequestMessage> Messages,
    IReadOnlyList<ReviewCaseRecord> Reviews,
    string? AssigneeName,
    LinkedRequest? TransferredFrom,
    IReadOnlyList<LinkedRequest> TransferredTo)
{
    /// <summary>
    /// The dates that matter now: the answer's due date (or, while the clock stands still, what it
    /// waits for), the 补正 notice's last day while one can still be sent, and the deadlines of the
    /// applicant or the party consulted.
    /// </summary>
    public IReadOnlyList<Deadline> Deadlines
    {
        get
        {
            var list = new List<Deadline>();
            var open = RequestStatuses.IsOpen(Clock.Status);
            if (open && Clock.Receipt is not null && !Clock.IsStopped)
                list.Add(Due("答复期限", Clock.AnswerDue, Clock.ExplainAnswerDue()));
            if (Clock.Status == RequestStatus.Processing && Clock.Correction is null && Clock.CorrectionNoticeDue is { } notice && Today <= notice)
                list.Add(new("补正告知期限", notice, Clock.ExplainCorrectionNoticeDue(), false));
            if (Clock.Status == RequestStatus.AwaitingCorrection)
                list.Add(Due("申请人补正期限", Clock.CorrectionDue, Clock.ExplainCorrectionDue()));
            foreach (var c in Clock.OpenConsultations)
                list.Add(Due($"意见期限（{c.Started.Party}）", c.ReplyDue, Clock.ExplainReplyDue(c)));
            if (Clock.Status == RequestStatus.AwaitingFee)
                list.Add(Due("缴费期限", Clock.FeePaymentDue, Clock.ExplainFeePaymentDue()));
            if (Clock.Status == RequestStatus.AwaitingReasons)
                list.Add(Due("说明理由期限", Clock.ReasonsDue, Clock.ExplainReasonsDue()));
            return list;
        }
    }

    private Deadline Due(string label, DateOnly? date, IReadOnlyList<string> explanation) => new(label, date, explanation, Today > date);

    /// <summary>Letters sent whose receipt is still to be recorded: their periods, or the case's closing, wait for it.</summary>
    public IReadOnlyList<(int Step, string Letter, string? Party)> AwaitingDelivery => Clock.AwaitingDelivery;

    /// <summary>An online request still to be confirmed more than a working day after it was submitted.</summary>
    public bool ConfirmationLate => Clock.IsConfirmationLate(Today);

    /// <summary>Working days left of the answer's limit (negative when overdue); null before receipt or once decided.</summary>
    public int? RemainingWorkingDays => Clock.Receipt is not null && RequestStatuses.IsOpen(Clock.Status) ? Clock.RemainingWorkingDays(Today) : null;

    public bool IsOverdue => Clock.IsOverdue(Today);

    public IEnumerable<RequestLetter> ApplicantLetters => Letters.Where(l => l.ForApplicant);

    public IEnumerable<(RequestAttachment Attachment, StoredFile File)> ApplicantAttachments =>
        Attachments.Where(a => AttachmentKinds.VisibleToApplicant(a.Attachment.Kind));
}
