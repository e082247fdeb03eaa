using Gongkai.Core.Supervision;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>
/// /staff/supervision/{id}/summary: 区域汇总 — the chosen units' reports of a year summed into one
/// report in the official layout, and, when a region's own summary report is in the workspace,
/// that report checked cell by cell against the sum (region.sum).
/// </summary>
public sealed class SummaryModel(WorkspaceService workspaces, CurrentUser me, WorkspaceReports reports) : SupervisionPageModel(workspaces, me)
{
    [FromRoute] public int Id { get; set; }
    [FromQuery] public int? Year { get; set; }
    /// <summary>The report that claims to be the region's summary, by id.</summary>
    [FromQuery] public int? Region { get; set; }
    /// <summary>
    /// Units chosen, by key. None given: the units below the region report's agency, or without a
    /// region report every unit with a report of the year.
    /// </summary>
    [FromQuery(Name = "unit")] public List<string> Chosen { get; set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];
    /// <summary>The year's reports that can be summed: the template of the year, figures in tables 三 and 四.</summary>
    public IReadOnlyList<UnitYear> Candidates { get; private set; } = [];
    /// <summary>Reports of the year left out because they use another template.</summary>
    public IReadOnlyList<UnitYear> OtherTemplate { get; private set; } = [];
    public IReadOnlyList<UnitYear> Summed { get; private set; } = [];
    public AuditedItem? RegionReport { get; private set; }
    public IReadOnlyList<Finding> RegionFindings { get; private set; } = [];
    public IReadOnlyList<OfficialTableView> SumTables { get; private set; } = [];
    public IReadOnlyList<OfficialTableView> RegionTables { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadWorkspaceAsync(Id, cancellationToken))
            return NotFound();
        var audit = await reports.AuditAsync(Workspace, null, cancellationToken);
        Years = [.. audit.Years.Where(y => ReportTemplates.ForYear(y) != ReportTemplate.Legacy)];
        if (Years.Count == 0)
            return Page();
        var year = Year is { } y && Years.Contains(y) ? y : Years[^1];
        Year = year;
        var template = ReportTemplates.ForYear(year);
        var ofYear = audit.Units.Select(u => audit.Cell(u, year)).Where(c => c.Report is not null).ToList();
        Candidates = [.. ofYear.Where(c => c.Report!.Report.Template == template)];
        OtherTemplate = [.. ofYear.Where(c => c.Report!.Report.Template != template)];

        var region = Region is { } regionId ? Candidates.FirstOrDefault(c => c.Report!.ReportId == regionId) : null;
        RegionReport = region?.Report;
        Region = RegionReport?.ReportId;
        var chosen = Chosen.Count > 0 ? Chosen
            : region is { Unit.IsRegistered: true } ? Below(audit.Units, region.Unit)
            : null;
        Summed = [.. Candidates.Where(c => c.Report != RegionReport && (chosen is null || chosen.Contains(c.Unit.Key)))];
        Chosen = [.. Summed.Select(c => c.Unit.Key)];

        var units = Summed.Select(c => c.Report!.Report).ToList();
        var sum = ReportSummation.Sum(template, year, $"{Summed.Count}个单位汇总", units);
        if (RegionReport is not null)
        {
            RegionFindings = RegionChecks.Check(RegionReport.Report, units);
            var flags = OfficialTableView.Flags(RegionFindings);
            RegionTables = OfficialTableView.For(RegionReport.Report, flags);
            SumTables = OfficialTableView.For(sum, flags);
        }
        else
        {
            SumTables = OfficialTableView.For(sum, new Dictionary<string, CellMark>());
        }
        return Page();
    }

    /// <summary>The units under a registered unit: those after it in tree order, deeper than it.</summary>
    private static List<string> Below(IReadOnlyList<AuditUnit> units, AuditUnit region)
    {
        var below = new List<string>();
        for (var i = units.ToList().IndexOf(region) + 1; i < units.Count && units[i].IsRegistered && units[i].Depth > region.Depth; i++)
            below.Add(units[i].Key);
        return below;
    }
}
