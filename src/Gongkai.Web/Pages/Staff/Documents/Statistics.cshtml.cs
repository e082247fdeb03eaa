using Gongkai.Core.Agencies;
using Gongkai.Core.Catalogue;
using Gongkai.Web.Hosting;
using Gongkai.Web.Pages.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Documents;

/// <summary>/staff/documents/statistics: table 二 §20(一) of the annual report, computed from the published documents.</summary>
public sealed class StatisticsModel(AgencyDirectory agencies, NormativeReport report, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public IReadOnlyList<(int Id, string Name)> AgencyChoices { get; private set; } = [];
    public IReadOnlyList<NormativeFigures> Figures { get; private set; } = [];
    public string AgencyName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        AgencyChoices = await agencies.NamesAsync(await me.ScopeAsync(cancellationToken), cancellationToken);
        Agency ??= me.AgencyId ?? AgencyChoices.FirstOrDefault().Id;
        if (!AgencyChoices.Any(a => a.Id == Agency)) return AgencyChoices.Count == 0 ? Page() : NotFound();
        AgencyName = AgencyChoices.First(a => a.Id == Agency).Name;
        Year ??= CatalogueText.Today(clock).Year - 1;
        Figures = await report.ForAsync(Agency!.Value, Year.Value, cancellationToken);
        return Page();
    }
}
