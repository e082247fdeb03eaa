using Gongkai.Core;
using Gongkai.Core.Files;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Requests.SignOff;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Agencies;

/// <summary>
/// /admin/agencies/{id}/letters (文书签发设置): an agency's sign-off chain, the prefixes of its
/// numbers (locked for the year once a number is issued) and its seal.
/// </summary>
public sealed class LettersModel(AgencyLetters agencyLetters, FileStore files, CurrentUser me) : PageModel
{
    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["chain"] = "签发流程已保存。",
        ["prefixes"] = "文号前缀已保存。",
        ["seal"] = "印章已上传，此后出具的文书加盖该印章。",
        ["unsealed"] = "印章已删除，此后出具的文书不加盖印章。",
    };

    [FromRoute] public int Id { get; set; }
    [FromQuery] public string? Done { get; set; }
    [BindProperty] public ChainForm Chain { get; set; } = new();
    /// <summary>The prefixes as posted (fields Prefixes[Reply] …), shown again when one is refused.</summary>
    public Dictionary<LetterKind, string?> Prefixes { get; } = [];
    [BindProperty] public IFormFile? Seal { get; set; }

    public AgencyLettersView View { get; private set; } = null!;
    public string? DoneMessage => Done is not null && Messages.TryGetValue(Done, out var m) ? m : null;

    /// <summary>The checkboxes of the chain (unchecked boxes post nothing, hence a class with defaults).</summary>
    public sealed class ChainForm
    {
        public bool ChainEnabled { get; set; }
        public bool ReviewStage { get; set; }
        public bool LegalReview { get; set; }
        public bool HeadMaySignOwn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        if (View.Settings is { } s)
            Chain = new ChainForm { ChainEnabled = s.ChainEnabled, ReviewStage = s.ReviewStage, LegalReview = s.LegalReview, HeadMaySignOwn = s.HeadMaySignOwn };
        else
            Chain = new ChainForm { LegalReview = true };
        return Page();
    }

    /// <summary>The seal as uploaded, for the page's preview.</summary>
    public async Task<IActionResult> OnGetSealAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || View.Seal is not { } seal)
            return NotFound();
        return File(await files.OpenReadAsync(seal, cancellationToken), seal.ContentType);
    }

    public async Task<IActionResult> OnPostChainAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var saved = await agencyLetters.SaveChainAsync(Id, new ChainInput(Chain.ChainEnabled, Chain.ReviewStage, Chain.LegalReview, Chain.HeadMaySignOwn),
            me.Actor, cancellationToken);
        return await AfterAsync(saved.Errors.Select(e => e with { Field = "Chain." + e.Field }).ToList(), "chain", cancellationToken);
    }

    public async Task<IActionResult> OnPostPrefixesAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var errors = new List<FieldError>();
        foreach (var row in View.Series.Where(r => !r.Locked))
        {
            if (!Request.Form.TryGetValue($"Prefixes[{row.Kind}]", out var posted))
                continue;
            Prefixes[row.Kind] = posted.ToString();
            errors.AddRange((await agencyLetters.SetPrefixAsync(Id, row.Kind, posted.ToString(), me.Actor, cancellationToken)).Errors);
        }
        return await AfterAsync(errors, "prefixes", cancellationToken);
    }

    public async Task<IActionResult> OnPostSealAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        if (Seal is not { Length: > 0 } upload)
            return await AfterAsync([new FieldError("Seal", "请选择印章图片（PNG）。")], "seal", cancellationToken);
        await using var stream = upload.OpenReadStream();
        var stored = await agencyLetters.SetSealAsync(Id, stream, upload.FileName, me.Actor, cancellationToken);
        return await AfterAsync(stored.Errors, "seal", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveSealAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        await agencyLetters.RemoveSealAsync(Id, me.Actor, cancellationToken);
        return Redirect($"/admin/agencies/{Id}/letters?done=unsealed");
    }

    private async Task<IActionResult> AfterAsync(IReadOnlyList<FieldError> errors, string done, CancellationToken cancellationToken)
    {
        if (errors.Count == 0)
            return Redirect($"/admin/agencies/{Id}/letters?done={done}");
        foreach (var e in errors)
            ModelState.AddModelError(e.Field, e.Message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await agencyLetters.ForAsync(Id, cancellationToken) is not { } view)
            return false;
        View = view;
        return true;
    }
}
