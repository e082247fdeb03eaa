using Gongkai.Core.Agencies;
using Gongkai.Core.Files;
using Gongkai.Core.Requests.Letters;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Requests;

/// <summary>A due date of the case with how it was computed.</summary>
public sealed record Deadline(string Label, DateOnly Date, IReadOnlyList<string> Explanation, bool Passed);

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
            if (Clock.AnswerDue is { } due && RequestStatuses.IsOpen(Clock.Status))
                list.Add(new("答复期限", due, Clock.ExplainAnswerDue(), Today > due));
            if (Clock.Status == RequestStatus.Processing && Clock.Correction is null && Clock.CorrectionNoticeDue is { } notice && Today <= notice)
                list.Add(new("补正告知期限", notice, Clock.ExplainCorrectionNoticeDue(), false));
            if (Clock.Status == RequestStatus.AwaitingCorrection && Clock.Correction is { } c)
                list.Add(new("申请人补正期限", c.ApplicantDeadline, [$"补正告知写明的期限（{WorkingDayTrace.Format(c.ApplicantDeadline)}），逾期无正当理由不补正的视为放弃申请（条例第三十条）"],
                    Today > c.ApplicantDeadline));
            if (Clock.ConsultationReplyDue is { } reply)
                list.Add(new("意见期限", reply, Clock.ExplainConsultationReplyDue(), Today > reply));
            if (Clock.Status == RequestStatus.AwaitingFee && Clock.FeePaymentDue is { } pay)
                list.Add(new("缴费期限", pay, Clock.ExplainFeePaymentDue(), Today > pay));
            return list;
        }
    }

    /// <summary>Working days left of the answer's limit (negative when overdue); null before receipt or once decided.</summary>
    public int? RemainingWorkingDays => Clock.Receipt is not null && RequestStatuses.IsOpen(Clock.Status) ? Clock.RemainingWorkingDays(Today) : null;

    public bool IsOverdue => Clock.IsOverdue(Today);

    public IEnumerable<RequestLetter> ApplicantLetters => Letters.Where(l => l.ForApplicant);

    public IEnumerable<(RequestAttachment Attachment, StoredFile File)> ApplicantAttachments =>
        Attachments.Where(a => AttachmentKinds.VisibleToApplicant(a.Attachment.Kind));
}
