using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Users;

public sealed class NewModel(AgencyDirectory agencies, AccountService accounts, CurrentUser me) : PageModel
{
    [BindProperty] public StaffInput Input { get; set; } = new();
    public IReadOnlyList<Agency> AgencyOptions { get; private set; } = [];
    public IssuedPassword? Issued { get; private set; }

    public async Task OnGetAsync(int? agency, CancellationToken cancellationToken)
    {
        Input = Input with { AgencyId = agency };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await accounts.CreateStaffAsync(Input, me.Actor, cancellationToken);
            if (result.Succeeded)
            {
                // The password is shown in this response only; it is never stored in clear or put in a URL.
                Issued = result.Value;
                Response.Headers.CacheControl = "no-store";
                return Page();
            }
            ModelState.AddErrors(result.Errors);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        AgencyOptions = await agencies.ListAsync(cancellationToken);
}
