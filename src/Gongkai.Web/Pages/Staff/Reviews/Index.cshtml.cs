using Gongkai.Core.Requests;
using Gongkai.Web.Hosting;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Reviews;

/// <summary>/staff/reviews: the agency's 行政复议 and 行政诉讼 cases, open ones first by the answer's due date.</summary>
public sealed class IndexModel(ReviewService reviews, OfficeClock clock, CurrentUser me) : PageModel
{
    public IReadOnlyList<ReviewCaseView> Cases { get; private set; } = [];
    public bool CanRecord { get; private set; }
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await me.RequestActorAsync(cancellationToken);
        CanRecord = actor.AgencyId is { } agency && actor.CanHandle(agency);
        Cases = await reviews.ListAsync(actor.Scope, cancellationToken);
    }
}
