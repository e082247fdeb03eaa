using Gongkai.Core.Requests;
using Gongkai.Domain.Requests;
using Gongkai.Web.Hosting;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>/staff/requests/rules: the periods the office sets within the law's room; its office head edits them.</summary>
public sealed class RulesModel(RequestRulesStore store, CurrentUser me) : PageModel
{
    [BindProperty] public RequestRules Input { get; set; } = RequestRules.Default;
    [TempData] public string? Message { get; set; }

    public bool CanEdit { get; private set; }
    public string AgencyName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await AgencyAsync(cancellationToken) is not { } agencyId)
            return NotFound();
        Input = await store.ForAgencyAsync(agencyId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await AgencyAsync(cancellationToken) is not { } agencyId)
            return NotFound();
        var saved = await store.SaveAsync(agencyId, Input, await me.RequestActorAsync(cancellationToken), cancellationToken);
        if (saved.Succeeded)
        {
            Message = "已保存办理期限设置，正在办理的申请按新设置计算。";
            return Redirect("/staff/requests/rules");
        }
        foreach (var e in saved.Errors)
            ModelState.AddModelError("", e.Message);
        return Page();
    }

    private async Task<int?> AgencyAsync(CancellationToken cancellationToken)
    {
        var actor = await me.RequestActorAsync(cancellationToken);
        if (actor.AgencyId is not { } agencyId || !actor.CanHandle(agencyId))
            return null;
        CanEdit = actor.IsOfficeHeadOf(agencyId);
        AgencyName = await store.AgencyNameAsync(agencyId, cancellationToken);
        return agencyId;
    }
}
