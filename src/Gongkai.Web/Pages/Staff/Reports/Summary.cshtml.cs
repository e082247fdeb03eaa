using Gongkai.Core.AnnualReports;
using Gongkai.Core.Requests;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Reports;

/// <summary>/staff/reports/summary: 区域汇总 — the chosen subordinate agencies' reports of a year summed, and checked.</summary>
public sealed class SummaryModel(RegionSummary summaries, OfficeClock clock, CurrentUser me) : PageModel
{
    [FromQuery] public int? Year { get; set; }
    [FromQuery(Name = "unit")] public List<int>? Units { get; set; }

    public RegionSummaryView? Summary { get; private set; }
    public int ShownYear => Year ?? clock.Today.Year - 1;
    public IEnumerable<int> Years => Enumerable.Range(AnnualReportService.FirstYear, clock.Today.Year - AnnualReportService.FirstYear + 1).Reverse();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (me.AgencyId is not { } agency)
            return;
        Summary = await summaries.ForAsync(agency, ShownYear, Units is { Count: > 0 } ? Units : null, await me.ScopeAsync(cancellationToken), cancellationToken);
    }
}
