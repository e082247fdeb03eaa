using Gongkai.Core.Catalogue;
using Gongkai.Domain.Catalogue;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Words;

public sealed class NewModel(WordList words, CurrentUser me) : PageModel
{
    [BindProperty] public WordInput Input { get; set; } = new("", WordKind.Wrong, null, WordAction.Warn, null);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        var result = await words.AddAsync(Input, me.Actor, cancellationToken);
        if (result.Succeeded) return Redirect("/admin/words?q=" + Uri.EscapeDataString(result.Value!.Word));
        ModelState.AddErrors(result.Errors);
        return Page();
    }
}
