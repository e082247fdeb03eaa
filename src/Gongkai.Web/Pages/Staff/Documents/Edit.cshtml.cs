using Gongkai.Core.Catalogue;
using Gongkai.Domain.Catalogue;
using Gongkai.Web.Catalogue;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Documents;

/// <summary>/staff/documents/{id}/edit: changing a draft (or an approved document, which then needs review again).</summary>
public sealed class EditModel(StaffDocuments documents, DocumentDrafts drafts, CatalogueCategories categories, CurrentUser me) : PageModel
{
    [BindProperty] public DocumentInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [FromRoute] public int Id { get; set; }
    public Document Document { get; private set; } = null!;
    public DocumentFormView Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } document) return NotFound();
        Input = DocumentInput.From(document);
        Version = document.Version;
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is null) return NotFound();
        if (ModelState.IsValid)
        {
            var result = await drafts.UpdateAsync(Id, Version, Input, await me.CatalogueUserAsync(cancellationToken), cancellationToken);
            if (result.Succeeded) return Redirect($"/staff/documents/{Id}");
            ModelState.AddCatalogueErrors(result.Errors);
        }
        return await ShowAsync(cancellationToken);
    }

    private async Task<Document?> LoadAsync(CancellationToken cancellationToken)
    {
        var document = await documents.FindAsync(Id, await me.ScopeAsync(cancellationToken), cancellationToken);
        if (document is not null) Document = document;
        return document;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Form = new DocumentFormView(Input, await categories.ListAsync(Document.AgencyId, cancellationToken), Document.AgencyId);
        return Page();
    }

    public bool CanEdit => PublishingWorkflow.Allows(Document.Status, PublishingAction.Edit);
}
