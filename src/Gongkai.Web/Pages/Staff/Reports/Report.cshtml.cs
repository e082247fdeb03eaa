using System.Globalization;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Files;
using Gongkai.Core.Requests;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Domain.Reports.Generation;
using Gongkai.Web.Hosting;
using Gongkai.Web.Pages.Staff.Supervision;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Reports;

/// <summary>
/// /staff/reports/{id}: one report — its figures with their sources and drill-down links, the
/// findings, the prose to edit, table 二's figures to enter or import, regenerate and publish.
/// </summary>
public sealed class ReportModel(AnnualReportService reports, ReportScopes scopes, PdfRenderQueue pdfs, OfficeClock clock, CurrentUser me) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [TempData] public string? Message { get; set; }

    public ReportView View { get; private set; } = null!;
    public RequestActor Actor { get; private set; } = null!;
    public bool CanEdit => View.Record.IsDraft && Actor.CanHandle(View.Record.AgencyId);
    public DateOnly Today => clock.Today;
    public bool IsOfficeHead => Actor.IsOfficeHeadOf(View.Record.AgencyId);
    /// <summary>An imported report the office head has not published yet: not on the portal.</summary>
    public bool AwaitsPublication => View.Record is { Status: ReportStatus.Imported, PublishedAt: null };
    /// <summary>A 人民政府's report, which covers units (docs/decisions/0022).</summary>
    public bool IsGovernment => ReportScope.IsGovernment(View.Agency.Level);
    public bool CanSetScope => IsOfficeHead || Actor.Roles.Contains(Core.Accounts.Roles.Admin);
    public IReadOnlyList<ScopeChoice> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostRegenerateAsync(bool reset, CancellationToken cancellationToken) =>
        ActAsync(a => reports.GenerateAsync(View.Record.AgencyId, View.Record.Year, reset, a, cancellationToken),
            reset ? "已重新生成报告，人工填写的正文和数据已清除。" : "已按最新系统数据重新生成；人工修改的正文和填报的数据已保留。", cancellationToken);

    /// <summary>Sets the units the government's report covers, then regenerates the draft with them.</summary>
    public async Task<IActionResult> OnPostScopeAsync(List<int>? units, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var saved = await scopes.SaveAsync(View.Record.AgencyId, units ?? [], Actor, cancellationToken);
        if (!saved.Succeeded)
        {
            ModelState.AddErrors(saved.Errors, "");
            return Page();
        }
        if (!Actor.CanHandle(View.Record.AgencyId))
        {
            Message = "已保存统计范围；本机关重新生成报告后按新的范围统计。";
            return Redirect($"/staff/reports/{Id}");
        }
        return await ActAsync(a => reports.GenerateAsync(View.Record.AgencyId, View.Record.Year, false, a, cancellationToken),
            "已保存统计范围，并按新的范围重新生成了报告。", cancellationToken);
    }

    public Task<IActionResult> OnPostTextAsync(int number, string? text, int version, CancellationToken cancellationToken) =>
        ActAsync(a => reports.SaveTextAsync(Id, version, number, text, a, cancellationToken),
            $"已保存{AnnualReportService.SectionName(number)}。", cancellationToken);

    public Task<IActionResult> OnPostFiguresAsync(Dictionary<string, string?> figures, int version, CancellationToken cancellationToken) =>
        ActAsync(a => reports.EnterFiguresAsync(Id, version, figures, a, cancellationToken: cancellationToken), "已保存表二填报数据。", cancellationToken);

    public async Task<IActionResult> OnPostImportFiguresAsync(IFormFile? file, int version, CancellationToken cancellationToken)
    {
        if (file is null || file.Length is 0 or > 1024 * 1024)
        {
            if (!await LoadAsync(cancellationToken))
                return NotFound();
            ModelState.AddModelError("", "请选择不超过1MB的 CSV 文件。");
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return await ActAsync(a => reports.ImportFiguresAsync(Id, version, buffer.ToArray(), file.FileName, a, cancellationToken),
            $"已从“{Path.GetFileName(file.FileName)}”导入表二数据。", cancellationToken);
    }

    /// <summary>Publishes a draft, or an imported report; its PDF is printed at once, in the background, for the first visitors.</summary>
    public async Task<IActionResult> OnPostPublishAsync(string? reason, int version, CancellationToken cancellationToken)
    {
        var imported = await LoadAsync(cancellationToken) && View.Record.Status == ReportStatus.Imported;
        var result = await ActAsync(a => imported
                ? reports.PublishImportAsync(Id, version, a, cancellationToken)
                : reports.PublishAsync(Id, version, reason, a, cancellationToken: cancellationToken),
            imported ? "导入的报告已发布到门户网站“年度报告”栏目。" : "报告已发布到门户网站“年度报告”栏目，数据已锁定。", cancellationToken);
        if (result is RedirectResult)
            _ = pdfs.Enqueue(PublishedReports.Pdf(Id));
        return result;
    }

    /// <summary>Marks for the tables: findings' cells, and cells whose count in the records differs now.</summary>
    public IReadOnlyDictionary<string, CellMark> Marks()
    {
        var marks = OfficialTableView.Flags(View.Findings);
        foreach (var change in View.Drift)
            marks[change.Path] = new CellMark("changed", [$"现为{Format(change.Current)}（报告中为{Format(change.Previous)}）"]);
        return marks;
    }

    public string? Link(string path) =>
        path.StartsWith("requests.", StringComparison.Ordinal) || path.StartsWith("reviewLitigation.", StringComparison.Ordinal)
            ? $"/staff/reports/{Id}/cell/{path}"
            : null;

    public string? Note(string path)
    {
        if (View.Record.Status == ReportStatus.Imported || SystemFigures.IsSystem(path))
            return null;
        var own = View.Figures.FirstOrDefault(f => f.Cell == path) is { } f
            ? f.Source == FigureSource.Imported ? $"导入自{f.FileName}" : $"{f.RecordedByName}填报"
            : "未填报";
        // A government's figure is its own part plus its units' (docs/decisions/0022).
        return View.Units.Count == 0 ? own : $"本级{own}，另含所含单位的数字";
    }

    public string Describe(string path) => CellNames.Describe(View.Report.Template, path);

    public static string Format(decimal? value) => value is { } v ? Cell.Format(v) : "—";

    public static string Time(DateTime utc) => Core.ChinaTime.FromUtc(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task<IActionResult> ActAsync(Func<RequestActor, Task<Core.Result<AnnualReportRecord>>> action, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var result = await action(Actor);
        if (result.Succeeded)
        {
            Message = done;
            return Redirect($"/staff/reports/{result.Value!.Id}");
        }
        ModelState.AddErrors(result.Errors, "");
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Actor = await me.RequestActorAsync(cancellationToken);
        if (await reports.FindAsync(Actor.Scope, Id, cancellationToken) is not { } view)
            return false;
        View = view;
        Choices = await scopes.ChoicesAsync(view.Record.AgencyId, cancellationToken);
        return true;
    }
}
