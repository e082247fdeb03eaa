using Gongkai.Core;
using Gongkai.Core.Audit;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Audit;

/// <summary>The audit log as CSV with the same filters as the list; the export itself is audited first.</summary>
public sealed class ExportModel(AuditLog audit, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public AuditAction? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var query = new AuditQuery { From = From, To = To, Action = Action, Actor = Actor };
        await audit.RecordNowAsync(me.Actor, AuditAction.AuditExported, "AuditLog", "*",
            $"导出审计日志（{From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "不限"} 至 {To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "不限"}，操作：{Action?.Label() ?? "全部"}，操作人：{(string.IsNullOrWhiteSpace(Actor) ? "全部" : Actor)}）",
            cancellationToken);
        var stamp = ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{stamp}.csv\"";
        Response.Headers.CacheControl = "no-store";
        await audit.WriteCsvAsync(query, Response.Body, cancellationToken);
        return new EmptyResult();
    }
}
