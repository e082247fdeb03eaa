using System.Globalization;
using Gongkai.Core.Requests;
using Gongkai.Web.Hosting;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>/staff/requests/{id}/reviews/new and /{reviewId}: an administrative review or lawsuit over the request (table 四).</summary>
public sealed class ReviewModel(RequestCases cases, ReviewService reviews, CurrentUser me) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public string Review { get; set; } = "new";
    [BindProperty] public ReviewInput Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public RequestCase Case { get; private set; } = null!;
    public int? ReviewId => int.TryParse(Review, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        if (ReviewId is { } id)
        {
            if (Case.Reviews.FirstOrDefault(r => r.Id == id) is not { } v)
                return NotFound();
            Input = new ReviewInput
            {
                Kind = v.Kind, FiledOn = v.FiledOn, Authority = v.Authority, CaseNumber = v.CaseNumber, Result = v.Result,
                ConcludedOn = v.ConcludedOn, Notes = v.Notes, Version = v.Version,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || (ReviewId is { } id && Case.Reviews.All(r => r.Id != id)))
            return NotFound();
        var result = await reviews.SaveAsync(Id, ReviewId, Input, await me.RequestActorAsync(cancellationToken), cancellationToken);
        if (result.Succeeded)
        {
            Message = "已保存行政复议、行政诉讼情况。";
            return Redirect($"/staff/requests/{Id}");
        }
        foreach (var e in result.Errors)
            ModelState.AddModelError(e.Field is "" or RequestCommands.ConflictField ? "" : "Input." + e.Field, e.Message);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var actor = await me.RequestActorAsync(cancellationToken);
        if (await cases.FindAsync(Id, actor.Scope, cancellationToken) is not { } found || (ReviewId is null && Review != "new"))
            return false;
        Case = found;
        return true;
    }
}
