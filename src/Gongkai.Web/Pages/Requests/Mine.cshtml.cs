using Gongkai.Core.Requests;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Requests;

/// <summary>/requests/mine: a registered applicant's requests, submitted while signed in.</summary>
[Authorize]
public sealed class MineModel(RequestTracking tracking, CurrentUser me) : PageModel
{
    public IReadOnlyList<InformationRequest> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Requests = await tracking.OfAccountAsync(me.Id!.Value, cancellationToken);
}
