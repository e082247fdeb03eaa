using System.Globalization;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Requests;
using Gongkai.Domain.Requests;
using Gongkai.Web.Hosting;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Reviews;

/// <summary>
/// /staff/reviews/new (optionally ?request=ID, from a request's page) and /staff/reviews/{id}: a
/// review or lawsuit — its answer's due date and how it was reached, the request or review it is
/// linked to, and the form to record or change it.
/// </summary>
public sealed class CaseModel(ReviewService reviews, RequestCases requests, PublishedYears published, OfficeClock clock, CurrentUser me) : PageModel
{
    [FromRoute] public string Review { get; set; } = "new";
    [FromQuery(Name = "request")] public int? RequestFromQuery { get; set; }
    [BindProperty] public ReviewInput Input { get; set; } = new();
    /// <summary>The 申请编号 typed on the form (e.g. 2026-000123), for a case over a request.</summary>
    [BindProperty] public string? RequestNumber { get; set; }
    [TempData] public string? Message { get; set; }

    public ReviewCaseView? View { get; private set; }
    public RequestActor Actor { get; private set; } = null!;
    public IReadOnlyList<ReviewCaseRecord> Reviews { get; private set; } = [];
    public AnnualReportRecord? PublishedYear { get; private set; }
    /// <summary>The request's answer refused disclosure: under the 2023 行政复议法 the applicant goes to review first.</summary>
    public bool ReviewFirst { get; private set; }
    public DateOnly Today => clock.Today;
    public int? ReviewId => int.TryParse(Review, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    public bool CanEdit => View is null ? Actor.AgencyId is { } a && Actor.CanHandle(a) : Actor.CanHandle(View.Case.AgencyId);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        if (View is { } view)
        {
            Input = ReviewInput.Of(view.Case);
            RequestNumber = view.Request?.Number;
        }
        else if (RequestFromQuery is { } id)
        {
            if (await requests.FindAsync(id, Actor.Scope, cancellationToken) is not { } found)
                return NotFound();
            RequestNumber = found.Request.Number;
            ReviewFirst = found.Clock.Outcome is { } outcome && Remedies.ReviewFirst(outcome);
            Input = new ReviewInput { RequestId = id, ApplicantName = found.Request.ApplicantName, Subject = ReviewCases.RequestSubject };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var input = Input with { RequestId = RequestIdOf(RequestNumber) };
        if (!string.IsNullOrWhiteSpace(RequestNumber) && input.RequestId is null)
        {
            ModelState.AddModelError(nameof(RequestNumber), "申请编号格式应为“年份-编号”，如2026-000123。");
            return Page();
        }
        var result = await reviews.SaveAsync(ReviewId, input, Actor, cancellationToken);
        if (result.Succeeded)
        {
            Message = "已保存行政复议、行政诉讼案件。";
            return Redirect($"/staff/reviews/{result.Value!.Id}");
        }
        foreach (var e in result.Errors)
            ModelState.AddModelError(e.Field is "" or RequestCommands.ConflictField ? "" : e.Field == nameof(ReviewInput.RequestId) ? nameof(RequestNumber) : "Input." + e.Field, e.Message);
        return Page();
    }

    /// <summary>The request id inside a 申请编号 (年份-编号); null when none was typed or it is not one.</summary>
    public static int? RequestIdOf(string? number)
    {
        var text = number?.Trim() ?? "";
        var dash = text.LastIndexOf('-');
        return text.Length > 0 && int.TryParse(text[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Actor = await me.RequestActorAsync(cancellationToken);
        if (ReviewId is { } id)
        {
            if (await reviews.FindAsync(id, Actor.Scope, cancellationToken) is not { } view)
                return false;
            View = view;
            if (await published.LastAsync(view.Case.AgencyId, cancellationToken) is { } last && view.Case.FiledOn.Year <= last.Year)
                PublishedYear = last;
        }
        else if (Review != "new")
            return false;
        var agency = View?.Case.AgencyId ?? Actor.AgencyId;
        Reviews = agency is { } a ? [.. (await reviews.ReviewsOfAsync(a, cancellationToken)).Where(r => r.Id != ReviewId)] : [];
        return true;
    }
}
