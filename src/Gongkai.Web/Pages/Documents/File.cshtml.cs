using Gongkai.Core.Files;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Documents;

/// <summary>An attachment of a published document, as the type it really is; nothing of drafts or withdrawn documents.</summary>
public sealed class FileModel(GongkaiDbContext db, FileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int attachmentId, CancellationToken cancellationToken)
    {
        var file = await (from a in db.DocumentAttachments
                          join d in db.Documents on a.DocumentId equals d.Id
                          join f in db.StoredFiles on a.FileId equals f.Id
                          where a.Id == attachmentId && d.Id == id && d.Status == PublishingStatus.Published
                          select f).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (file is null) return NotFound();
        return File(await files.OpenReadAsync(file, cancellationToken), file.ContentType, file.FileName);
    }
}
