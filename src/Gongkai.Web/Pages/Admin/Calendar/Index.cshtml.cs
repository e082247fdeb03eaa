using Gongkai.Core.Agencies;
using Gongkai.Core.Calendar;
using Gongkai.Core.Requests;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Calendar;

/// <summary>/admin/calendar: the national layer and the provincial or local ones, each applying to its agency and the agencies below.</summary>
public sealed class IndexModel(AgencyDirectory agencies, CalendarStore calendars, OfficeClock today, CurrentUser me) : PageModel
{
    [BindProperty] public int AgencyId { get; set; }

    public IReadOnlyList<StoredCalendarLayer> Layers { get; private set; } = [];
    public IReadOnlyList<AgencyChoice> Agencies { get; private set; } = [];
    public int Year => today.Today.Year;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Stores the shipped national arrangements when start-up could not (normally done at start-up).</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        await calendars.ImportShippedYearsAsync(me.Actor, cancellationToken);
        return Redirect("/admin/calendar");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (AgencyId <= 0)
        {
            ModelState.AddModelError(nameof(AgencyId), "请选择机关。");
            await LoadAsync(cancellationToken);
            return Page();
        }
        var layer = await calendars.CreateLayerAsync(AgencyId, me.Actor, cancellationToken);
        return Redirect($"/admin/calendar/{layer.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Layers = [.. (await calendars.LayersAsync(cancellationToken)).OrderBy(l => l.AgencyId is null ? 0 : 1).ThenBy(l => l.Name, StringComparer.Ordinal)];
        Agencies = await agencies.ChoicesAsync(cancellationToken);
    }
}
