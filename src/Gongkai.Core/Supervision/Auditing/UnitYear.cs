using Gongkai.Domain.Reports;
using Gongkai.Domain.Supervision;

namespace Gongkai.Core.Supervision.Auditing;

/// <summary>
/// One unit in one year: whether it published, when, against which deadline; the report that
/// counts (the first published, when there are copies), the findings across years against its
/// previous report, and how much of its prose repeats that report.
/// </summary>
public sealed record UnitYear(
    AuditUnit Unit,
    int Year,
    PublicationStatus Status,
    DateOnly Deadline,
    AuditedItem? Report,
    IReadOnlyList<AuditedItem> Copies,
    IReadOnlyList<AuditFinding> CrossYear,
    int? ComparedYear,
    IReadOnlyList<SectionRepetition> Repetition)
{
    /// <summary>At or above this share of repeated prose a section is flagged as likely copied from last year.</summary>
    public const double CopyPasteRate = 0.8;

    public IEnumerable<AuditFinding> Findings => (Report?.Findings ?? []).Concat(CrossYear);

    public SectionRepetition? HighestRepetition => Repetition.MaxBy(r => r.Rate);

    public bool LooksCopied => HighestRepetition is { Rate: >= CopyPasteRate };

    public int Count(Severity severity) => Findings.Count(f => f.Counts(severity));
}
