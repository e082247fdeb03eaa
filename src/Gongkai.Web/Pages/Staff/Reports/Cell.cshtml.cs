using Gongkai.Core.AnnualReports;
using Gongkai.Core.Requests;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Web.Hosting;
using Gongkai.Web.Pages.Reports;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Reports;

/// <summary>One unit's part of a government report's figure, with a link to its own drill-down when the viewer may see it.</summary>
public sealed record CellPart(string Name, string Status, decimal? Figure, string? Link);

/// <summary>
/// /staff/reports/{id}/cell/{path}: the requests or review cases one figure of table 三 or 四 counts;
/// for a government's report, first the figure unit by unit (its own part and each unit it covers).
/// </summary>
public sealed class CellModel(AnnualReportService reports, ReportDrillDown drillDown, CurrentUser me) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public string Path { get; set; } = "";

    public ReportView View { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public decimal? Figure { get; private set; }
    public IReadOnlyList<InformationRequest>? Requests { get; private set; }
    public IReadOnlyList<ReviewCaseRecord>? Reviews { get; private set; }
    public IReadOnlyDictionary<int, string> Numbers { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<CellPart> Parts { get; private set; } = [];
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
        if (await drillDown.CasesAsync(agency, year, template, cell, cancellationToken) is not { } cases)
            return NotFound();
        (Requests, Reviews, Numbers) = (cases.Requests, cases.Reviews, cases.Numbers);
        Name = CellNames.Describe(template, Path);
        Figure = view.Report.Table(cell.Table).Value(cell.Row, cell.Column);
        if (view.Live is { Units.Count: > 0 } live)
        {
            decimal? Of(AnnualReport r) => r.Table(cell.Table).Value(cell.Row, cell.Column);
            Parts =
            [
                new CellPart($"{view.Agency.Name}（本级）", "按系统数据", Of(live.Own), null),
                .. live.Units.Select(u => new CellPart(u.Agency.Name, ReportPageText.Status(u.Status), Of(u.Report),
                    u.RecordId is { } rid && actor.Scope.Includes(u.Agency.Id) && u.Status != ReportStatus.Imported ? $"/staff/reports/{rid}/cell/{Path}" : null)),
            ];
        }
        return Page();
    }
}
