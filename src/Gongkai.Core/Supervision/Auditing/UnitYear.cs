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
    /// <summary>At or above this share of repeated prose a section, or a report, is flagged as likely copied from last year.</summary>
    public const double CopyPasteRate = 0.8;

    /// <summary>Shorter sections (本年度未收取信息处理费。) repeat by nature and are not flagged on their own.</summary>
    public const int MinimumFlaggedLength = 40;

    public IEnumerable<AuditFinding> Findings => (Report?.Findings ?? []).Concat(CrossYear);

    /// <summary>The share of the whole prose repeated from the compared report: each section weighted by its length.</summary>
    public double? ProseRepetition
    {
        get
        {
            var length = Repetition.Sum(r => r.Length);
            return length == 0 ? null : Repetition.Sum(r => r.Rate * r.Length) / length;
        }
    }

    public bool LooksCopied => ProseRepetition >= CopyPasteRate;

    public static bool IsFlagged(SectionRepetition section) => section.Rate >= CopyPasteRate && section.Length >= MinimumFlaggedLength;

    public int Count(Severity severity) => Findings.Count(f => f.Counts(severity));
}
