using Gongkai.Core.Requests;
using Gongkai.Core.Requests.SignOff;
using Gongkai.Web.Hosting;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Letters;

/// <summary>
/// /staff/letters: the drafts waiting for me — mine to write or revise, and those at the stage my
/// role acts on (审核, 法制审核, 签发) — and every letter of my agency still on its way.
/// </summary>
public sealed class IndexModel(LetterDrafts drafts, CurrentUser me) : PageModel
{
    public IReadOnlyList<AwaitingDraft> Awaiting { get; private set; } = [];
    public IReadOnlyList<LetterDraft> Open { get; private set; } = [];
    public bool HasAgency { get; private set; }
    /// <summary>申请编号 of the open drafts' requests.</summary>
    public IReadOnlyDictionary<int, string> Numbers { get; private set; } = new Dictionary<int, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await me.RequestActorAsync(cancellationToken);
        HasAgency = actor.AgencyId is not null;
        Awaiting = await drafts.AwaitingAsync(actor, cancellationToken);
        if (actor.AgencyId is { } agency)
            Open = await drafts.OpenAsync(agency, cancellationToken);
        Numbers = await drafts.RequestNumbersAsync(Open, cancellationToken);
    }
}
