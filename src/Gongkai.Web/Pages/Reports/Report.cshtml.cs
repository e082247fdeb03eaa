using Gongkai.Core.AnnualReports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Reports;

/// <summary>/reports/{id}: a published report in the official layout, with its downloads.</summary>
public sealed class ReportModel(PublishedReports published) : PageModel
{
    [FromRoute] public int Id { get; set; }

    public PublicReport Published { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await published.FindAsync(Id, cancellationToken) is not { } found)
            return NotFound();
        Published = found;
        return Page();
    }
}
