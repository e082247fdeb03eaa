using System.Globalization;
using Gongkai.Core.Supervision;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>
/// /staff/supervision/{id}/compare?unit=&amp;from=&amp;to=: two years of one unit — the figures that
/// changed, how much of each section repeats the earlier report, and the checks across years.
/// </summary>
public sealed class CompareModel(WorkspaceService workspaces, CurrentUser me, WorkspaceReports reports) : SupervisionPageModel(workspaces, me)
{
    [FromRoute] public int Id { get; set; }
    [FromQuery] public string? Unit { get; set; }
    [FromQuery] public int? From { get; set; }
    [FromQuery] public int? To { get; set; }

    /// <summary>Units with reports of at least two years, and those years.</summary>
    public IReadOnlyList<(AuditUnit Unit, IReadOnlyList<int> Years)> Choices { get; private set; } = [];
    public AuditedItem? Earlier { get; private set; }
    public AuditedItem? Later { get; private set; }
    public IReadOnlyList<CellChange> Changes { get; private set; } = [];
    public IReadOnlyList<SectionRepetition> Repetition { get; private set; } = [];
    public IReadOnlyList<Finding> CrossYear { get; private set; } = [];
    public IReadOnlyList<OfficialTableView> Tables { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadWorkspaceAsync(Id, cancellationToken))
            return NotFound();
        var audit = await reports.AuditAsync(Workspace, null, cancellationToken);
        Choices = [.. audit.Units
            .Select(u => (Unit: u, Years: (IReadOnlyList<int>)[.. audit.Row(u).Where(c => c.Report is not null).Select(c => c.Year)]))
            .Where(c => c.Years.Count >= 2)];
        var choice = Choices.FirstOrDefault(c => c.Unit.Key == Unit);
        if (choice.Unit is null)
        {
            if (Choices.Count == 0)
                return Page();
            choice = Choices[0];
        }
        Unit = choice.Unit.Key;
        To = To is { } to && choice.Years.Contains(to) ? to : choice.Years[^1];
        From = From is { } from && choice.Years.Contains(from) && from < To ? from : choice.Years.LastOrDefault(y => y < To);
        if (From == 0)
            return Page();
        Earlier = audit.Cell(choice.Unit, From.Value).Report!;
        Later = audit.Cell(choice.Unit, To.Value).Report!;
        Changes = ReportComparison.Changes(Earlier.Report, Later.Report);
        Repetition = ReportComparison.Repetition(Earlier.Report, Later.Report);
        CrossYear = To == From + 1 ? CrossYearChecks.Check(Earlier.Report, Later.Report) : [];
        var marks = Changes.ToDictionary(c => c.Path,
            c => new CellMark("changed", [$"{From}年度 {Text(c.Previous)} → {To}年度 {Text(c.Current)}"]), StringComparer.Ordinal);
        foreach (var (path, mark) in OfficialTableView.Flags(CrossYear))
            marks[path] = mark;
        Tables = OfficialTableView.For(Later.Report, marks);
        return Page();
    }

    public string Describe(string path) => CellNames.Describe(Later!.Report.Template, path);

    public static string Text(decimal? value) => value is { } v ? Cell.Format(v) : "无法读取";

    public static string Percent(double rate) => (rate * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
