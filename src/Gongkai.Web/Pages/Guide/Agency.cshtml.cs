using Gongkai.Core.Agencies;
using Gongkai.Core.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Guide;

public sealed class AgencyModel(AgencyDirectory agencies, FileStore files) : PageModel
{
    public Agency Agency { get; private set; } = null!;
    public Agency? Parent { get; private set; }
    public IReadOnlyList<Agency> Children { get; private set; } = [];
    public StoredFile? GuideFile { get; private set; }
    public IReadOnlyList<string> Paragraphs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await agencies.GuideAsync(id, cancellationToken) is not { } guide) return NotFound();
        (Agency, Parent, Children, GuideFile) = (guide.Agency, guide.Parent, guide.Children, guide.GuideFile);
        Paragraphs = GuideText.Paragraphs(guide.Agency.Guide);
        return Page();
    }

    /// <summary>GET /guide/{id}/file: the published guide document, as the file type it really is.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, CancellationToken cancellationToken)
    {
        if (await agencies.GuideFileAsync(id, cancellationToken) is not { } file) return NotFound();
        return File(await files.OpenReadAsync(file, cancellationToken), file.ContentType, file.FileName);
    }
}
