using Gongkai.Core.Catalogue;
using Gongkai.Domain.Catalogue;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Words;

public sealed class EditModel(WordList words, CurrentUser me) : PageModel
{
    [BindProperty] public WordInput Input { get; set; } = new("", WordKind.Wrong, null, WordAction.Warn, null);
    [FromRoute] public int Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var entry = await words.FindAsync(Id, cancellationToken);
        if (entry is null) return NotFound();
        Input = new WordInput(entry.Word, entry.Kind, entry.Correction, entry.Action, entry.Note);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await words.FindAsync(Id, cancellationToken) is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await words.UpdateAsync(Id, Input, me.Actor, cancellationToken);
        if (result.Succeeded) return Redirect("/admin/words?q=" + Uri.EscapeDataString(result.Value!.Word));
        ModelState.AddErrors(result.Errors);
        return Page();
    }
}
