using Gongkai.Core.AnnualReports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Reports;

/// <summary>/reports: the published annual reports of every agency, by year, filtered by year or agency.</summary>
public sealed class IndexModel(PublishedReports published) : PageModel
{
    [FromQuery] public int? Year { get; set; }
    [FromQuery] public int? Agency { get; set; }

    public IReadOnlyList<PublicReport> All { get; private set; } = [];
    public IReadOnlyList<PublicReport> Shown { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !Filters.Valid(Agency, year: Year))
            return Filters.Refused(this);
        All = await published.ListAsync(cancellationToken: cancellationToken);
        Shown = [.. All.Where(r => (Year is null || r.Record.Year == Year) && (Agency is null || r.Agency.Id == Agency))];
        return Page();
    }
}
