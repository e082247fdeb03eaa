using Gongkai.Core.Files;
using Gongkai.Core.Storage;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Documents;

/// <summary>An attachment of any document in the user's agencies, unpublished ones included.</summary>
public sealed class FileModel(GongkaiDbContext db, FileStore files, CurrentUser me) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int attachmentId, CancellationToken cancellationToken)
    {
        var scope = await me.ScopeAsync(cancellationToken);
        var file = await (from a in db.DocumentAttachments
                          join d in scope.Apply(db.Documents, d => d.AgencyId) on a.DocumentId equals d.Id
                          join f in db.StoredFiles on a.FileId equals f.Id
                          where a.Id == attachmentId && d.Id == id
                          select f).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (file is null) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(await files.OpenReadAsync(file, cancellationToken), file.ContentType, file.FileName);
    }
}
