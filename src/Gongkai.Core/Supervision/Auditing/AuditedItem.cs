using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;

namespace Gongkai.Core.Supervision.Auditing;

/// <summary>
/// One report in an audit: the file it came from, the report read from it, its own findings, and
/// the registered agency it was matched to (none: its printed name stands for its unit). A stored
/// report has its id; a file audited from the command line has none.
/// </summary>
public sealed record AuditedItem(
    int? ReportId,
    string FileName,
    AnnualReport Report,
    IReadOnlyList<AuditFinding> Findings,
    int? AgencyId,
    DateTime? UploadedAt = null)
{
    /// <summary>A file read just now, not stored: its own findings, no decisions, no agency yet.</summary>
    public static AuditedItem FromFile(string fileName, Gongkai.Reports.ReadReport read) =>
        new(null, fileName, read.Report, [.. read.Findings.Select(f => new AuditFinding(null, f, FindingScope.Report))], null);

    /// <summary>The name that stands for the unit when no agency matched: the agency printed, else the publisher.</summary>
    public string? PrintedAgency =>
        !string.IsNullOrWhiteSpace(Report.Agency) ? Report.Agency
        : !string.IsNullOrWhiteSpace(Report.Source.Publisher) ? Report.Source.Publisher
        : null;
}

/// <summary>A file that did not become a report, and why (in Chinese, for the supervisor).</summary>
public sealed record RejectedInput(string FileName, string Reason);
