using Gongkai.Core;
using Gongkai.Core.Audit;
using Gongkai.Core.Catalogue;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Words;

/// <summary>The whole 错敏词 list as CSV (UTF-8 with BOM), the same format the import reads.</summary>
public sealed class ExportModel(WordList words, AuditLog audit, CurrentUser me, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var entries = await words.ListAsync(null, cancellationToken);
        await audit.RecordNowAsync(me.Actor, AuditAction.WordListExported, "WordList", "*", $"导出错敏词 {entries.Count} 个", cancellationToken);
        var stamp = ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"words-{stamp}.csv\"";
        await WordListCsv.WriteAsync(entries, Response.Body, cancellationToken);
        return new EmptyResult();
    }
}
