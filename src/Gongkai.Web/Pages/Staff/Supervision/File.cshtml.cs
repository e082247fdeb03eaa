using Gongkai.Core.Files;
using Gongkai.Core.Supervision;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>The original file of a report, always as a download: a published page's HTML never runs here.</summary>
public sealed class FileModel(WorkspaceService workspaces, CurrentUser me, FileStore files) : SupervisionPageModel(workspaces, me)
{
    public async Task<IActionResult> OnGetAsync(int id, int reportId, CancellationToken cancellationToken)
    {
        if (!await LoadWorkspaceAsync(id, cancellationToken))
            return NotFound();
        var file = await WorkspaceService.OriginalFileAsync(id, reportId, cancellationToken);
        if (file is null)
            return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(await files.OpenReadAsync(file, cancellationToken), file.ContentType, file.FileName);
    }
}
