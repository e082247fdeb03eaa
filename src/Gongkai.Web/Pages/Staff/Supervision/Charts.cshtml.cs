using System.Globalization;
using Gongkai.Core.Supervision;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Supervision;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>
/// /staff/supervision/{id}/charts: request volume of each unit in every year, and for one year
/// the mix of outcomes and the correction rate in review and litigation.
/// </summary>
public sealed class ChartsModel(WorkspaceService workspaces, CurrentUser me, WorkspaceReports reports) : SupervisionPageModel(workspaces, me)
{
    [FromRoute] public int Id { get; set; }
    [FromQuery] public int? Year { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<ChartRow> Volume { get; private set; } = [];
    public IReadOnlyList<ChartRow> Outcomes { get; private set; } = [];
    public IReadOnlyList<ChartRow> Corrections { get; private set; } = [];

    public static readonly string[] CorrectionSeries = ["行政复议", "行政诉讼"];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadWorkspaceAsync(Id, cancellationToken))
            return NotFound();
        var audit = await reports.AuditAsync(Workspace, null, cancellationToken);
        Years = audit.Years;
        if (Years.Count == 0)
            return Page();
        Year = Year is { } y && Years.Contains(y) ? y : Years[^1];
        Volume = [.. audit.Units
            .Select(u => (Unit: u, Values: audit.Row(u).Select(c => c.Report is { } r ? ReportMetrics.RequestVolume(r.Report) : null).ToList()))
            .Where(u => u.Values.Any(v => v is not null))
            .Select(u => new ChartRow(u.Unit.Name, [.. u.Values.Select(v => (double?)v)],
                [.. u.Values.Select((v, i) => $"{Years[i]}年 {(v is { } n ? Cell.Format(n) : "—")}")]))];
        var reportsOfYear = audit.Units.Select(u => audit.Cell(u, Year.Value)).Where(c => c.Report is not null).ToList();
        Outcomes = [.. reportsOfYear
            .Select(c => (c.Unit, Mix: ReportMetrics.Outcomes(c.Report!.Report)))
            .Where(c => c.Mix is { Total: > 0 })
            .Select(c => new ChartRow(c.Unit.Name, [.. Enum.GetValues<OutcomeGroup>().Select(g => (double?)c.Mix![g])],
                [$"共 {Cell.Format(c.Mix!.Total)} 件"]))];
        Corrections = [.. reportsOfYear
            .Select(c => (c.Unit, Review: ReportMetrics.Review(c.Report!.Report), Litigation: ReportMetrics.Litigation(c.Report!.Report)))
            .Where(c => c.Review?.Concluded > 0 || c.Litigation?.Concluded > 0)
            .Select(c => new ChartRow(c.Unit.Name, [c.Review?.Rate, c.Litigation?.Rate], [Rate(c.Review), Rate(c.Litigation)]))];
        return Page();
    }

    public static string Rate(CorrectionRate? rate) => rate?.Rate is { } r
        ? string.Create(CultureInfo.InvariantCulture, $"{r * 100:0}%（{Cell.Format(rate.Corrected)}/{Cell.Format(rate.Concluded)}）")
        : "—";
}
