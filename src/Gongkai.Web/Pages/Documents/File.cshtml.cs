using Gongkai.Core.Files;
using Gongkai.Core.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Documents;

/// <summary>An attachment of a published document, as the type it really is; nothing of drafts or withdrawn documents.</summary>
public sealed class FileModel(PublicDocuments documents, FileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int attachmentId, CancellationToken cancellationToken)
    {
        var file = await documents.AttachmentAsync(id, attachmentId, cancellationToken);
        if (file is null) return NotFound();
        return File(await files.OpenReadAsync(file, cancellationToken), file.ContentType, file.FileName);
    }
}
