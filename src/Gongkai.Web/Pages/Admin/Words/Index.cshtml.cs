using Gongkai.Core.Catalogue;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Words;

/// <summary>/admin/words: the 错敏词 list, searchable; entries removed here; the shipped list offered when it is empty.</summary>
public sealed class IndexModel(WordList words, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery] public string? Done { get; set; }
    public IReadOnlyList<WordListEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Entries = await words.ListAsync(Q, cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        try
        {
            await words.DeleteAsync(id, me.Actor, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        return Redirect("/admin/words?done=deleted");
    }

    public async Task<IActionResult> OnPostDefaultsAsync(CancellationToken cancellationToken)
    {
        var result = await words.ImportAsync(WordList.DefaultListCsv(), dryRun: false, me.Actor, cancellationToken);
        return Redirect(result.Succeeded ? "/admin/words?done=defaults" : "/admin/words");
    }
}
