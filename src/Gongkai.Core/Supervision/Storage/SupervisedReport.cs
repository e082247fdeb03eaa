namespace Gongkai.Core.Supervision.Storage;

/// <summary>How a report came into the workspace.</summary>
public enum ReportOrigin
{
    /// <summary>Uploaded through the browser, as a file or inside a ZIP.</summary>
    Upload,

    /// <summary>Read from a server folder an administrator allowed.</summary>
    Folder,

    /// <summary>Published on this platform by the unit itself (年度报告, /reports).</summary>
    Platform,
}

/// <summary>How a report's unit was decided.</summary>
public enum UnitMatch
{
    /// <summary>No unit fitted the printed name: the report stands under its printed name.</summary>
    None,
    ByName,

    /// <summary>A supervisor chose (or ruled out) the unit; later matching never overrides it.</summary>
    Manual,
}

/// <summary>
/// 受检报告: one published report in a workspace. The original file is kept (FileStore), the
/// report as read is kept as the canonical JSON of docs/annual-report.md, and the columns the
/// views sort and filter on are copied out of it. Its own findings are rows, so that decisions can
/// name them.
/// </summary>
public sealed class SupervisedReport
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public Guid FileId { get; set; }
    /// <summary>The name as handed in, with the path inside a ZIP or the folder.</summary>
    public required string FileName { get; set; }
    /// <summary>The format read (<c>text</c>, <c>html</c>, <c>docx</c>, <c>pdf</c>, <c>json</c>, <c>csv</c>).</summary>
    public required string Format { get; set; }
    public ReportOrigin Origin { get; set; }
    /// <summary>The agency as the report prints it, in Simplified characters.</summary>
    public string? AgencyName { get; set; }
    public int? Year { get; set; }
    public required string Template { get; set; }
    /// <summary>发文日期 from the page's metadata; null when the report does not say.</summary>
    public DateOnly? IssuedOn { get; set; }
    public int? UnitAgencyId { get; set; }
    public UnitMatch MatchedBy { get; set; }
    public required string ReportJson { get; set; }
    public DateTime UploadedAt { get; set; }
    public Guid? UploadedBy { get; set; }
}
