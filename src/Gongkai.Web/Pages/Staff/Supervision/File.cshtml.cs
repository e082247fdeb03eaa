using Gongkai.Core.Files;
using Gongkai.Core.Storage;
using Gongkai.Core.Supervision;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>The original file of a report, always as a download: a published page's HTML never runs here.</summary>
public sealed class FileModel(WorkspaceService workspaces, CurrentUser me, GongkaiDbContext db, FileStore files) : SupervisionPageModel(workspaces, me)
{
    public async Task<IActionResult> OnGetAsync(int id, int reportId, CancellationToken cancellationToken)
    {
        if (!await LoadWorkspaceAsync(id, cancellationToken))
            return NotFound();
        var file = await (from r in db.SupervisedReports.AsNoTracking()
                          where r.Id == reportId && r.WorkspaceId == id
                          join f in db.StoredFiles on r.FileId equals f.Id
                          select f).SingleOrDefaultAsync(cancellationToken);
        if (file is null)
            return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(await files.OpenReadAsync(file, cancellationToken), file.ContentType, file.FileName);
    }
}
