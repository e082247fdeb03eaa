using Gongkai.Core;
using Gongkai.Core.Audit;
using Gongkai.Core.Supervision;
using Gongkai.Core.Supervision.Exports;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>/staff/supervision/{id}/export?format=xlsx|csv|docx[&amp;year=]: the audit as a file, the same as the command line writes; audited.</summary>
public sealed class ExportModel(WorkspaceService workspaces, CurrentUser me, WorkspaceReports reports, AuditLog audit, TimeProvider clock)
    : SupervisionPageModel(workspaces, me)
{
    public async Task<IActionResult> OnGetAsync(int id, string? format, int? year, CancellationToken cancellationToken)
    {
        if (!await LoadWorkspaceAsync(id, cancellationToken))
            return NotFound();
        if (AuditExport.FromId(format) is not { } kind)
            return BadRequest();
        var result = await reports.AuditAsync(Workspace, year, cancellationToken);
        var now = ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime);
        await audit.RecordNowAsync(Me.Actor, AuditAction.SupervisionExported, "SupervisionWorkspace", WorkspaceNavId(),
            $"导出年报检查“{Workspace.Name}”（{kind.Id().ToUpperInvariant()}{(year is { } y ? $"，{y}年度" : "")}）", cancellationToken);
        var bytes = AuditExport.Write(result, kind, DateOnly.FromDateTime(now));
        Response.Headers.CacheControl = "no-store";
        var stamp = now.ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return File(bytes, kind.ContentType(), $"{Workspace.Name}-{stamp}.{kind.Id()}");
    }

    private string WorkspaceNavId() => Workspace.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
