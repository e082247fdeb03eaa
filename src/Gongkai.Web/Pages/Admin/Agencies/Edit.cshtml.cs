using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Agencies;

public sealed class EditModel(GongkaiDbContext db, AgencyService agencies, FileStore files, AuditLog audit, CurrentUser me) : PageModel
{
    private static readonly FileKind[] GuideKinds = [FileKind.Pdf, FileKind.Ofd, FileKind.Docx];

    [BindProperty] public AgencyInput Input { get; set; } = new();
    [FromRoute] public int Id { get; set; }
    [FromQuery] public bool Saved { get; set; }
    public string Name { get; private set; } = "";
    public string? GuideFileName { get; private set; }
    public IReadOnlyList<Agency> ParentOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == Id, cancellationToken);
        if (agency is null) return NotFound();
        Input = AgencyInput.From(agency);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await db.Agencies.AnyAsync(a => a.Id == Id, cancellationToken)) return NotFound();
        if (ModelState.IsValid)
        {
            var result = await agencies.UpdateAsync(Id, Input, me.Actor, cancellationToken);
            if (result.Succeeded) return Redirect($"/admin/agencies/{Id}?saved=true");
            ModelState.AddErrors(result.Errors);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == Id, cancellationToken);
        if (agency is null) return NotFound();
        Input = AgencyInput.From(agency);
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("File", "请选择要上传的文件。");
        }
        else
        {
            await using var upload = file.OpenReadStream();
            var stored = await files.AddAsync(upload, file.FileName, GuideKinds, me.Actor, cancellationToken);
            if (!stored.Succeeded)
                ModelState.AddModelError("File", stored.Errors[0].Message);
            else
            {
                agency.GuideFileId = stored.Value!.Id;
                audit.Record(me.Actor, AuditAction.AgencyUpdated, nameof(Agency), agency.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"更新机关“{agency.Name}”的公开指南文件为“{stored.Value.FileName}”");
                await db.SaveChangesAsync(cancellationToken);
                return Redirect($"/admin/agencies/{Id}?saved=true");
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == Id, cancellationToken);
        Name = agency.Name;
        GuideFileName = agency.GuideFileId is { } fileId
            ? await db.StoredFiles.Where(f => f.Id == fileId).Select(f => f.FileName).SingleOrDefaultAsync(cancellationToken)
            : null;
        ParentOptions = await db.Agencies.AsNoTracking().Where(a => a.Id != Id).OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(cancellationToken);
    }
}
