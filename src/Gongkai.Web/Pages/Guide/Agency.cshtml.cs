using Gongkai.Core.Files;
using Gongkai.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Guide;

public sealed class AgencyModel(GongkaiDbContext db, FileStore files) : PageModel
{
    public Core.Agencies.Agency Agency { get; private set; } = null!;
    public Core.Agencies.Agency? Parent { get; private set; }
    public IReadOnlyList<Core.Agencies.Agency> Children { get; private set; } = [];
    public StoredFile? GuideFile { get; private set; }
    public IReadOnlyList<string> Paragraphs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.AsNoTracking().Include(a => a.Parent).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agency is null) return NotFound();
        Agency = agency;
        Parent = agency.Parent;
        Children = await db.Agencies.AsNoTracking().Where(a => a.ParentId == id).OrderBy(a => a.SortOrder).ToListAsync(cancellationToken);
        GuideFile = agency.GuideFileId is { } fileId ? await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken) : null;
        Paragraphs = GuideText.Paragraphs(agency.Guide);
        return Page();
    }

    /// <summary>GET /guide/{id}/file: the published guide document, as the file type it really is.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, CancellationToken cancellationToken)
    {
        var file = await (from a in db.Agencies
                          join f in db.StoredFiles on a.GuideFileId equals f.Id
                          where a.Id == id
                          select f).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (file is null) return NotFound();
        return File(await files.OpenReadAsync(file, cancellationToken), file.ContentType, file.FileName);
    }
}
