using System.Linq.Expressions;
using Gongkai.Domain.Reports.Generation;

namespace Gongkai.Core.AnnualReports;

/// <summary>Where an agency's report for a year stands.</summary>
public enum ReportStatus
{
    /// <summary>草稿: generated from the records, being edited; regenerating refreshes the system figures.</summary>
    Draft,

    /// <summary>已发布: published on the portal; its figures are frozen as published.</summary>
    Published,

    /// <summary>
    /// 已导入: a report published before the platform was used, read from its file; on the portal
    /// once the office head published it (<see cref="AnnualReportRecord.PublishedAt"/>).
    /// </summary>
    Imported,
}

/// <summary>
/// 政府信息公开工作年度报告 of one agency and year, as the platform keeps it: the report itself as
/// the canonical JSON of docs/annual-report.md (a draft's last generation, the published
/// snapshot, or the imported report), and the publication record. One per agency and year.
/// </summary>
public sealed class AnnualReportRecord
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }
    /// <summary>Template id: <c>2019</c> or <c>2021</c> (<c>legacy</c> only for an imported report).</summary>
    public required string Template { get; set; }
    public ReportStatus Status { get; set; }
    public required string ReportJson { get; set; }
    /// <summary>When the system figures were last counted.</summary>
    public DateTime GeneratedAt { get; set; }

    /// <summary>发文日期 of the published report (北京时间), the date 条例第四十九条 is judged on.</summary>
    public DateOnly? PublishedOn { get; set; }
    public DateTime? PublishedAt { get; set; }
    public Guid? PublishedById { get; set; }
    public string? PublishedByName { get; set; }
    /// <summary>The office head's reason for publishing despite error findings.</summary>
    public string? OverrideReason { get; set; }

    /// <summary>The file an imported report was read from.</summary>
    public Guid? SourceFileId { get; set; }
    public string? SourceFileName { get; set; }
    /// <summary>The PDF of a published report, printed once on first download.</summary>
    public Guid? PdfFileId { get; set; }

    /// <summary>
    /// A government's report: the units whose reports it sums, as JSON (<see cref="ReportUnits"/>), as
    /// they were when it was last generated; frozen with the report when it is published. Null otherwise.
    /// </summary>
    public string? Units { get; set; }

    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedByName { get; set; }

    public bool IsDraft => Status == ReportStatus.Draft;

    /// <summary>On the portal: published here, or imported and published by the office head.</summary>
    public static readonly Expression<Func<AnnualReportRecord, bool>> Public =
        r => r.Status == ReportStatus.Published || (r.Status == ReportStatus.Imported && r.PublishedAt != null);
}

/// <summary>A figure of table 二 the platform does not hold, entered by staff or imported from CSV, with who and from where.</summary>
public sealed class ReportFigure
{
    public long Id { get; set; }
    public int ReportId { get; set; }
    /// <summary>The cell path of docs/annual-report.md, e.g. <c>proactive.licensing.decisions</c>.</summary>
    public required string Cell { get; set; }
    public decimal Value { get; set; }
    public FigureSource Source { get; set; }
    public Guid? RecordedById { get; set; }
    public required string RecordedByName { get; set; }
    /// <summary>The CSV file an imported figure came from.</summary>
    public string? FileName { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>A prose section edited by staff; sections without one are drafted from the figures at each generation.</summary>
public sealed class ReportText
{
    public long Id { get; set; }
    public int ReportId { get; set; }
    /// <summary>0 for the preface, 1–6 for sections 一 to 六.</summary>
    public int Number { get; set; }
    public required string Text { get; set; }
    public Guid? EditedById { get; set; }
    public required string EditedByName { get; set; }
    public DateTime EditedAt { get; set; }
}
