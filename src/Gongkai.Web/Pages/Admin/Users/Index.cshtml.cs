using Gongkai.Core.Accounts;
using Gongkai.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Users;

public sealed class IndexModel(GongkaiDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string UserName, string DisplayName, string Roles, string? AgencyName, string? PhoneNumber, bool Locked);

    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    public IReadOnlyList<Core.Agencies.Agency> AgencyOptions { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        AgencyOptions = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        if (Agency is { } agencyId) users = users.Where(u => u.AgencyId == agencyId);
        var list = await users.OrderBy(u => u.AgencyId).ThenBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken)).ToLookup(x => x.UserId, x => x.Name!);
        var names = AgencyOptions.ToDictionary(a => a.Id, a => a.Name);
        var now = clock.GetUtcNow();
        Rows = list.Select(u => new Row(u.Id, u.UserName!, u.DisplayName, string.Join("、", roles[u.Id].Select(Roles.Label)),
            u.AgencyId is { } id ? names.GetValueOrDefault(id) : null, u.PhoneNumber, u.LockoutEnd > now)).ToList();
    }
}
