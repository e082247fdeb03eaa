using Gongkai.Core.Supervision;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Domain.Reports;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>
/// /staff/supervision/{id}/reports/{reportId}: one report, its findings with their decisions and
/// history, and its tables in the official layout with the cells of every finding — or of the one
/// chosen — marked.
/// </summary>
public sealed class ReportModel(WorkspaceService workspaces, CurrentUser me, WorkspaceReports reports, FindingDecisions decisions, ReportEvidence evidence)
    : SupervisionPageModel(workspaces, me)
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int ReportId { get; set; }
    /// <summary>The stored finding whose cells to mark.</summary>
    [FromQuery] public long? Finding { get; set; }
    /// <summary>The cross-year finding (by position) whose cells to mark.</summary>
    [FromQuery] public int? Cross { get; set; }

    public ReportDetail Detail { get; private set; } = null!;
    public IReadOnlyList<AuditUnit> Units { get; private set; } = [];
    public IReadOnlyList<OfficialTableView> Tables { get; private set; } = [];

    /// <summary>The chosen finding's cells in the original file (a PDF page, text lines, table rows); empty when none is chosen.</summary>
    public IReadOnlyList<Evidence> Evidence { get; private set; } = [];

    public bool IsMarkingOne => Finding is not null || Cross is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>Page <paramref name="number"/> of the original PDF as an image, for the evidence of a finding ("page" is a route value of Razor Pages).</summary>
    public async Task<IActionResult> OnGetPageAsync(int number, CancellationToken cancellationToken)
    {
        if (!await LoadWorkspaceAsync(Id, cancellationToken) || await reports.DetailAsync(Workspace, ReportId, cancellationToken) is not { } detail)
            return NotFound();
        if (await evidence.PageImageAsync(detail, number, cancellationToken) is not { } png)
            return NotFound();
        Response.Headers.CacheControl = "private, max-age=3600";
        return File(png, "image/png");
    }

    public async Task<IActionResult> OnPostDecideAsync(long findingId, Verdict verdict, string? note, CancellationToken cancellationToken)
    {
        if (!await LoadWorkspaceAsync(Id, cancellationToken))
            return NotFound();
        var result = await decisions.DecideAsync(Workspace, ReportId, findingId, verdict, note, Me.Actor, cancellationToken);
        if (result is null)
            return NotFound();
        if (result.Succeeded)
            return Redirect($"{ReportUrl()}#finding-{findingId}");
        ModelState.AddModelError(NoteKey(findingId), result.Errors[0].Message);
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Assigns the report to a unit; an empty choice means it belongs to none of them.</summary>
    public async Task<IActionResult> OnPostUnitAsync(int? unit, CancellationToken cancellationToken)
    {
        if (!await LoadWorkspaceAsync(Id, cancellationToken))
            return NotFound();
        return await decisions.AssignUnitAsync(Workspace, ReportId, unit, Me.Actor, cancellationToken) ? Redirect(ReportUrl()) : NotFound();
    }

    public string ReportUrl() => WorkspaceNav.Url(Workspace, $"/reports/{ReportId}");

    public static string NoteKey(long findingId) => $"note-{findingId}";

    /// <summary>A finding's cells in words; a long list (a column of outcome rows) shortened as the command line does.</summary>
    public string Describe(IReadOnlyList<string> cells)
    {
        var names = cells.Select(c => Gongkai.Domain.Reports.Checks.CellNames.Describe(Detail.Item.Report.Template, c)).ToList();
        return names.Count <= 4 ? string.Join("；", names) : $"{names[0]}；{names[1]}；……；{names[^1]}（共{names.Count}格）";
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadWorkspaceAsync(Id, cancellationToken) || await reports.DetailAsync(Workspace, ReportId, cancellationToken) is not { } detail)
            return false;
        Detail = detail;
        Units = detail.Audit.Units.Where(u => u.IsRegistered).ToList();
        var crossYear = detail.Cell?.CrossYear ?? [];
        IEnumerable<Finding> marked =
            Finding is { } id ? detail.Findings.Where(f => f.Finding.Id == id).Select(f => f.Finding.Finding)
            : Cross is { } index ? crossYear.Skip(index).Take(1).Select(f => f.Finding)
            : detail.Findings.Select(f => f.Finding.Finding).Concat(crossYear.Select(f => f.Finding));
        Tables = OfficialTableView.For(detail.Item.Report, OfficialTableView.Flags(marked));
        if (IsMarkingOne)
            Evidence = await evidence.ForAsync(detail, marked.SelectMany(f => f.Cells), cancellationToken);
        return true;
    }
}
