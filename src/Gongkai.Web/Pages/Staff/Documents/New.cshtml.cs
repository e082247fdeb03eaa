using Gongkai.Core.Agencies;
using Gongkai.Core.Catalogue;
using Gongkai.Web.Catalogue;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Documents;

/// <summary>/staff/documents/new: a new draft for the user's agency (an administrator chooses the agency first).</summary>
public sealed class NewModel(AgencyDirectory agencies, DocumentDrafts drafts, CatalogueCategories categories, CurrentUser me) : PageModel
{
    [BindProperty] public DocumentInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    public IReadOnlyList<(int Id, string Name)> AgencyChoices { get; private set; } = [];
    public DocumentFormView Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var staff = await me.CatalogueUserAsync(cancellationToken);
        if (!staff.CanDraft) return Forbid();
        return await ShowAsync(staff, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var staff = await me.CatalogueUserAsync(cancellationToken);
        if (ModelState.IsValid)
        {
            var result = await drafts.CreateAsync(Input with { AgencyId = Agency }, staff, cancellationToken);
            if (result.Succeeded) return Redirect($"/staff/documents/{result.Value!.Id}");
            ModelState.AddCatalogueErrors(result.Errors);
        }
        return await ShowAsync(staff, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CatalogueUser staff, CancellationToken cancellationToken)
    {
        if (staff.Scope.IsEverything)
        {
            AgencyChoices = await agencies.NamesAsync(AgencyScope.Everything, cancellationToken);
            if (!AgencyChoices.Any(a => a.Id == Agency)) Agency = null;
        }
        else Agency = staff.AgencyId;
        Form = new DocumentFormView(Input, Agency is { } id ? await categories.ListAsync(id, cancellationToken) : [], Agency ?? 0);
        return Page();
    }
}
