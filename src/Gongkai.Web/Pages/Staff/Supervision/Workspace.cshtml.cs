using Gongkai.Core.Supervision;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Core.Supervision.Intake;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>
/// /staff/supervision/{id}: taking reports in (files, ZIPs, an allowed server folder) and the
/// units × years grid of published / late / date unknown / missing, with the reports that match no
/// unit and the files that could not be taken in.
/// </summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class WorkspaceModel(WorkspaceService workspaces, CurrentUser me, WorkspaceReports reports, ReportCollector collector, IConfiguration configuration)
    : SupervisionPageModel(workspaces, me)
{
    /// <summary>One upload: a ZIP of a region's reports, or a few hundred files, fits.</summary>
    public const long MaxUploadBytes = 100L * 1024 * 1024;

    [FromRoute] public int Id { get; set; }
    [FromQuery] public int? Added { get; set; }
    [FromQuery] public int? Rejected { get; set; }
    public SupervisionAudit Audit { get; private set; } = null!;
    public SupervisionFolders Folders { get; private set; } = new([]);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadWorkspaceAsync(Id, cancellationToken))
            return NotFound();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile> files, CancellationToken cancellationToken)
    {
        if (!await LoadWorkspaceAsync(Id, cancellationToken))
            return NotFound();
        if (files.Count == 0)
        {
            ModelState.AddModelError("files", "请选择要上传的年度报告文件或压缩包。");
            await LoadAsync(cancellationToken);
            return Page();
        }
        var uploaded = new List<IntakeFile>();
        foreach (var file in files)
        {
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            uploaded.Add(new IntakeFile(Path.GetFileName(file.FileName.Replace('\\', '/')), buffer.ToArray()));
        }
        var result = await collector.AddFilesAsync(Workspace, uploaded, Me.Actor, cancellationToken);
        return Redirect($"{WorkspaceNav.Url(Workspace)}?added={result.Added.Count}&rejected={result.Rejected.Count}#intake");
    }

    /// <summary>Reads the allowed folder chosen by its number; a browser never names a path.</summary>
    public async Task<IActionResult> OnPostFolderAsync(int folder, CancellationToken cancellationToken)
    {
        if (!await LoadWorkspaceAsync(Id, cancellationToken))
            return NotFound();
        if (SupervisionFolders.From(configuration).At(folder) is not { } path)
            return BadRequest();
        var result = await collector.AddFolderAsync(Workspace, path, Me.Actor, cancellationToken);
        return Redirect($"{WorkspaceNav.Url(Workspace)}?added={result.Added.Count}&rejected={result.Rejected.Count}#intake");
    }

    /// <summary>Collects the reports the workspace's units published on this platform.</summary>
    public async Task<IActionResult> OnPostPublishedAsync(CancellationToken cancellationToken)
    {
        if (!await LoadWorkspaceAsync(Id, cancellationToken))
            return NotFound();
        var result = await collector.AddPublishedAsync(Workspace, Me.Actor, cancellationToken);
        return Redirect($"{WorkspaceNav.Url(Workspace)}?added={result.Added.Count}&rejected={result.Rejected.Count}#intake");
    }

    public string ReportUrl(AuditedItem item) => $"{WorkspaceNav.Url(Workspace)}/reports/{item.ReportId}";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Audit = await reports.AuditAsync(Workspace, null, cancellationToken);
        Folders = SupervisionFolders.From(configuration);
    }
}
