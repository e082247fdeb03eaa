using Gongkai.Core.Agencies;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Agencies;

public sealed class NewModel(AgencyDirectory directory, AgencyService agencies, CurrentUser me) : PageModel
{
    [BindProperty] public AgencyInput Input { get; set; } = new() { Level = Domain.Agencies.AgencyLevel.Department };
    public IReadOnlyList<Agency> ParentOptions { get; private set; } = [];

    public async Task OnGetAsync(int? parent, CancellationToken cancellationToken)
    {
        Input = Input with { ParentId = parent };
        ParentOptions = await Options(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await agencies.CreateAsync(Input, me.Actor, cancellationToken);
            if (result.Succeeded) return Redirect($"/admin/agencies/{result.Value!.Id}?saved=true");
            ModelState.AddErrors(result.Errors);
        }
        ParentOptions = await Options(cancellationToken);
        return Page();
    }

    private Task<List<Agency>> Options(CancellationToken cancellationToken) => directory.ListAsync(cancellationToken);
}
