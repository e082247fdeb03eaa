using Gongkai.Core.Accounts;
using Gongkai.Core.Storage;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Agencies;

/// <summary>One agency and its staff. Outside the viewer's scope it does not exist: 404, never 403.</summary>
public sealed class DetailsModel(GongkaiDbContext db, CurrentUser me) : PageModel
{
    public sealed record StaffRow(string DisplayName, string UserName, string Roles, string? PhoneNumber);

    public Core.Agencies.Agency Agency { get; private set; } = null!;
    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await me.ScopeAsync(cancellationToken);
        var agency = await scope.Apply(db.Agencies.AsNoTracking(), a => a.Id).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agency is null) return NotFound();
        Agency = agency;
        var rows = await (from u in db.Users
                          where u.AgencyId == id
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          orderby u.DisplayName
                          select new { u.DisplayName, u.UserName, u.PhoneNumber, Role = r.Name! }).AsNoTracking().ToListAsync(cancellationToken);
        Staff = rows.GroupBy(r => (r.DisplayName, r.UserName, r.PhoneNumber))
            .Select(g => new StaffRow(g.Key.DisplayName, g.Key.UserName!, string.Join("、", g.Select(r => Roles.Label(r.Role))), g.Key.PhoneNumber))
            .ToList();
        return Page();
    }
}
