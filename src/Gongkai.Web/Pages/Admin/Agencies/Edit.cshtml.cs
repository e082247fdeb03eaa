using Gongkai.Core.Agencies;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Agencies;

public sealed class EditModel(AgencyDirectory directory, AgencyService agencies, CurrentUser me) : PageModel
{
    [BindProperty] public AgencyInput Input { get; set; } = new();
    [FromRoute] public int Id { get; set; }
    [FromQuery] public bool Saved { get; set; }
    public string Name { get; private set; } = "";
    public string? GuideFileName { get; private set; }
    public IReadOnlyList<Agency> ParentOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(Id, cancellationToken) is not { } agency) return NotFound();
        Input = AgencyInput.From(agency);
        await LoadAsync(agency, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(Id, cancellationToken) is not { } agency) return NotFound();
        if (ModelState.IsValid)
        {
            var result = await agencies.UpdateAsync(Id, Input, me.Actor, cancellationToken);
            if (result.Succeeded) return Redirect($"/admin/agencies/{Id}?saved=true");
            ModelState.AddErrors(result.Errors);
        }
        await LoadAsync(agency, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(Id, cancellationToken) is not { } agency) return NotFound();
        Input = AgencyInput.From(agency);
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("File", "请选择要上传的文件。");
        }
        else
        {
            await using var upload = file.OpenReadStream();
            var stored = await agencies.SetGuideFileAsync(Id, upload, file.FileName, me.Actor, cancellationToken);
            if (stored.Succeeded) return Redirect($"/admin/agencies/{Id}?saved=true");
            ModelState.AddModelError("File", stored.Errors[0].Message);
        }
        await LoadAsync(agency, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Agency agency, CancellationToken cancellationToken)
    {
        Name = agency.Name;
        GuideFileName = (await directory.GuideFileAsync(agency.Id, cancellationToken))?.FileName;
        ParentOptions = [.. (await directory.ListAsync(cancellationToken)).Where(a => a.Id != Id)];
    }
}
