using System.Text;
using Gongkai.Core.Catalogue;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Words;

/// <summary>/admin/words/import: a CSV file, tried first (试导入) or imported; any bad line imports nothing.</summary>
public sealed class ImportModel(WordList words, CurrentUser me) : PageModel
{
    private const int MaxBytes = 2 * 1024 * 1024;

    public WordImportResult? Result { get; private set; }
    public bool DryRun { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, bool dryRun, CancellationToken cancellationToken)
    {
        DryRun = dryRun;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("File", "请选择 CSV 文件。");
            return Page();
        }
        if (file.Length > MaxBytes)
        {
            ModelState.AddModelError("File", "文件不能超过 2 MB。");
            return Page();
        }
        using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
        string text;
        try
        {
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError("File", "文件不是 UTF-8 编码。请在 Excel 中“另存为”时选择“CSV UTF-8（逗号分隔）”。");
            return Page();
        }
        Result = await words.ImportAsync(text, dryRun, me.Actor, cancellationToken);
        return Page();
    }

    public string? FileError => ModelState.TryGetValue("File", out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;
}
