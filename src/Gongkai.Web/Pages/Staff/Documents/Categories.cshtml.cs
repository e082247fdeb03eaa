using Gongkai.Core.Agencies;
using Gongkai.Core.Catalogue;
using Gongkai.Web.Catalogue;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Documents;

/// <summary>/staff/documents/categories: an agency's own 公开目录, kept by its office head (or an administrator).</summary>
public sealed class CategoriesModel(AgencyDirectory agencies, CatalogueCategories categories, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    public IReadOnlyList<(int Id, string Name)> AgencyChoices { get; private set; } = [];
    public IReadOnlyList<CatalogueCategory> Categories { get; private set; } = [];
    public IReadOnlyDictionary<int, int> InUse { get; private set; } = new Dictionary<int, int>();
    public CatalogueUser Staff { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddAsync(string? name, CancellationToken cancellationToken) =>
        ChangeAsync(async staff => (await categories.AddAsync(Agency!.Value, name ?? "", staff, cancellationToken)).Errors, cancellationToken);

    public Task<IActionResult> OnPostRenameAsync(int category, string? name, CancellationToken cancellationToken) =>
        ChangeAsync(async staff => (await categories.RenameAsync(category, name ?? "", staff, cancellationToken)).Errors, cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(int category, bool up, CancellationToken cancellationToken) =>
        ChangeAsync(async staff =>
        {
            await categories.MoveAsync(category, up, staff, cancellationToken);
            return [];
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(int category, CancellationToken cancellationToken) =>
        ChangeAsync(async staff => (await categories.RemoveAsync(category, staff, cancellationToken)).Errors, cancellationToken);

    public Task<IActionResult> OnPostDefaultsAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async staff =>
        {
            await categories.UseDefaultsAsync(Agency!.Value, staff, cancellationToken);
            return [];
        }, cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<CatalogueUser, Task<IReadOnlyList<Core.FieldError>>> change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Agency is null || !Staff.CanManageCategories) return NotFound();
        try
        {
            var errors = await change(Staff);
            if (errors.Count == 0) return Redirect($"/staff/documents/categories?agency={Agency}");
            ModelState.AddCatalogueErrors(errors, "");
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Staff = await me.CatalogueUserAsync(cancellationToken);
        AgencyChoices = await agencies.NamesAsync(Staff.Scope, cancellationToken);
        Agency ??= Staff.AgencyId ?? AgencyChoices.FirstOrDefault().Id;
        if (!AgencyChoices.Any(a => a.Id == Agency)) return false;
        Categories = await categories.ListAsync(Agency!.Value, cancellationToken);
        InUse = await categories.InUseAsync(Agency!.Value, cancellationToken);
        return true;
    }
}
