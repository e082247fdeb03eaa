using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// /staff/requests/{id}/reviews/new and /{reviewId}: the request's reviews and lawsuits are cases of
/// their own under /staff/reviews; these addresses lead there.
/// </summary>
public sealed class ReviewModel : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public string Review { get; set; } = "new";

    public IActionResult OnGet() =>
        Review == "new" ? Redirect($"/staff/reviews/new?request={Id}") : int.TryParse(Review, out var id) ? Redirect($"/staff/reviews/{id}") : NotFound();
}
