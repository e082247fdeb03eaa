using Gongkai.Core.Catalogue;
using Gongkai.Core.Files;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Documents;

/// <summary>An attachment of any document in the user's agencies, unpublished ones included.</summary>
public sealed class FileModel(StaffDocuments documents, FileStore files, CurrentUser me) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int attachmentId, CancellationToken cancellationToken)
    {
        var file = await documents.AttachmentAsync(id, attachmentId, await me.ScopeAsync(cancellationToken), cancellationToken);
        if (file is null) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(await files.OpenReadAsync(file, cancellationToken), file.ContentType, file.FileName);
    }
}
