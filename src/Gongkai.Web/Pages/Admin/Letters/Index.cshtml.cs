using Gongkai.Core.Requests.Letters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Letters;

/// <summary>/admin/letters: every letter template, built-in or changed by an administrator.</summary>
public sealed class IndexModel(LetterService letters) : PageModel
{
    public IReadOnlyList<(LetterTemplate Template, LetterTemplateRecord? Custom)> Templates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Templates = await letters.TemplatesAsync(cancellationToken);
}
