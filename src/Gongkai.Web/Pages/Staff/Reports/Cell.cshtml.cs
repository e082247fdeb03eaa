using Gongkai.Core.AnnualReports;
using Gongkai.Core.Requests;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Web.Hosting;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Reports;

/// <summary>/staff/reports/{id}/cell/{path}: the requests or review cases one figure of table 三 or 四 counts.</summary>
public sealed class CellModel(AnnualReportService reports, ReportDrillDown drillDown, CurrentUser me) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public string Path { get; set; } = "";

    public ReportView View { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public decimal? Figure { get; private set; }
    public IReadOnlyList<InformationRequest>? Requests { get; private set; }
    public IReadOnlyList<RequestReview>? Reviews { get; private set; }
    public IReadOnlyDictionary<int, string> Numbers { get; private set; } = new Dictionary<int, string>();
    public int Count => Requests?.Count ?? Reviews?.Count ?? 0;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await me.RequestActorAsync(cancellationToken);
        if (await reports.FindAsync(actor.Scope, Id, cancellationToken) is not { } view || view.Record.Status == ReportStatus.Imported)
            return NotFound();
        View = view;
        var template = view.Report.Template;
        if (CellPath.Parse(template, Path) is not { } cell)
            return NotFound();
        var (agency, year) = (view.Record.AgencyId, view.Record.Year);
        if (drillDown.Requests(agency, year, template, cell) is { } requests)
            Requests = await requests.ToListAsync(cancellationToken);
        else if (drillDown.Reviews(agency, year, cell) is { } reviews)
        {
            Reviews = await reviews.ToListAsync(cancellationToken);
            var ids = Reviews.Select(r => r.RequestId).Distinct().ToList();
            Numbers = (await requestsOf(ids)).ToDictionary(r => r.Id, r => r.Number);
        }
        else
            return NotFound();
        Name = CellNames.Describe(template, Path);
        Figure = view.Report.Table(cell.Table).Value(cell.Row, cell.Column);
        return Page();

        async Task<List<InformationRequest>> requestsOf(List<int> ids) =>
            await drillDown.RequestsById(ids).ToListAsync(cancellationToken);
    }
}
