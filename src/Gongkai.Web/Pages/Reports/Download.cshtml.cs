using Gongkai.Core.AnnualReports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Reports;

/// <summary>/reports/{id}/download/{format}: a published report as HTML, DOCX, PDF, JSON (the spec) or CSV.</summary>
public sealed class DownloadModel(PublishedReports published) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public string Format { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await published.FindAsync(Id, cancellationToken) is not { } found
            || await published.DownloadAsync(found, Format, cancellationToken) is not { } download)
            return NotFound();
        return File(download.Content, download.ContentType, download.FileName);
    }
}
