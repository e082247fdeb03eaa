using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Requests;
using Gongkai.Web.Hosting;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Reports;

/// <summary>/staff/reports: the agency's annual reports; generate a year's draft, import last year's published report.</summary>
public sealed class IndexModel(AnnualReportService reports, AgencyDirectory agencies, OfficeClock clock, CurrentUser me) : PageModel
{
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<(AnnualReportRecord Record, Agency Agency)> Reports { get; private set; } = [];
    public Agency? Agency { get; private set; }
    public bool CanHandle { get; private set; }
    public int Today => clock.Today.Year;
    public IEnumerable<int> Years => Enumerable.Range(AnnualReportService.FirstYear, Today - AnnualReportService.FirstYear + 1).Reverse();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostGenerateAsync(int year, CancellationToken cancellationToken)
    {
        var actor = await me.RequestActorAsync(cancellationToken);
        var result = await reports.GenerateAsync(me.AgencyId ?? 0, year, reset: false, actor, cancellationToken);
        if (result.Succeeded)
        {
            Message = $"已按系统数据生成{year}年度报告草稿。";
            return Redirect($"/staff/reports/{result.Value!.Id}");
        }
        ModelState.AddErrors(result.Errors, "");
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(int year, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
            ModelState.AddModelError("File", "请选择要导入的报告文件。");
        else if (file.Length > Gongkai.Reports.ReportFile.MaxBytes)
            ModelState.AddModelError("File", "文件过大。");
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            var result = await reports.ImportAsync(me.AgencyId ?? 0, year, buffer.ToArray(), Path.GetFileName(file.FileName),
                await me.RequestActorAsync(cancellationToken), cancellationToken);
            if (result.Succeeded)
            {
                Message = $"已导入{year}年度报告，用于下一年度报告的跨年度核对；经公开办负责人发布后在门户网站公开。";
                return Redirect($"/staff/reports/{result.Value!.Id}");
            }
            ModelState.AddErrors(result.Errors, "");
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var actor = await me.RequestActorAsync(cancellationToken);
        Reports = await reports.ListAsync(actor.Scope, cancellationToken);
        Agency = me.AgencyId is { } id ? await agencies.FindAsync(id, cancellationToken) : null;
        CanHandle = Agency is not null && actor.CanHandle(Agency.Id);
    }
}
