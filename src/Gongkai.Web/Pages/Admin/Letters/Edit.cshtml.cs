using Gongkai.Core.Requests.Letters;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Letters;

/// <summary>/admin/letters/{key}: one template's title and body; unknown placeholders are refused.</summary>
public sealed class EditModel(LetterService letters, CurrentUser me) : PageModel
{
    [FromRoute] public string Key { get; set; } = "";
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string Body { get; set; } = "";
    [TempData] public string? Message { get; set; }

    public LetterTemplate BuiltIn { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (LetterTemplates.Default(Key) is not { } builtIn)
            return NotFound();
        BuiltIn = builtIn;
        var current = await letters.TemplateAsync(Key, cancellationToken);
        (Title, Body) = (current.Title, current.Body);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (LetterTemplates.Default(Key) is not { } builtIn)
            return NotFound();
        BuiltIn = builtIn;
        var result = await letters.SaveTemplateAsync(Key, Title, Body, me.Actor, cancellationToken);
        if (result.Succeeded)
        {
            Message = "模板已保存，此后生成的文书使用新模板。";
            return Redirect($"/admin/letters/{Key}");
        }
        foreach (var e in result.Errors)
            ModelState.AddModelError(e.Field, e.Message);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        if (LetterTemplates.Default(Key) is null)
            return NotFound();
        await letters.ResetTemplateAsync(Key, me.Actor, cancellationToken);
        Message = "已恢复为系统默认模板。";
        return Redirect($"/admin/letters/{Key}");
    }
}
