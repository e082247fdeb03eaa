using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Accounts;

/// <summary>An account as the administrator's list shows it.</summary>
public sealed record UserRow(Guid Id, string UserName, string DisplayName, string Roles, string? AgencyName, string? PhoneNumber, bool Locked);

/// <summary>One account with what its page shows beside it.</summary>
public sealed record UserView(User Account, string RoleLabels, string? AgencyName, bool Locked);

/// <summary>Every read of the accounts the administrator's pages need; nothing is tracked, so a page reads what was saved.</summary>
public sealed class UserDirectory(GongkaiDbContext db, TimeProvider clock)
{
    /// <summary>Accounts by agency and user name, of one agency when given.</summary>
    public async Task<IReadOnlyList<UserRow>> ListAsync(int? agencyId, CancellationToken cancellationToken = default)
    {
        var users = db.Users.AsNoTracking();
        if (agencyId is { } id) users = users.Where(u => u.AgencyId == id);
        var list = await users.OrderBy(u => u.AgencyId).ThenBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = await RolesAsync(null, cancellationToken);
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var now = clock.GetUtcNow();
        return [.. list.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, string.Join("、", roles[u.Id].Select(Roles.Label)),
            u.AgencyId is { } agency ? names.GetValueOrDefault(agency) : null, u.PhoneNumber, u.LockoutEnd > now))];
    }

    public async Task<UserView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null) return null;
        var roles = (await RolesAsync(id, cancellationToken))[id];
        var agency = user.AgencyId is { } agencyId
            ? await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new UserView(user, string.Join("、", roles.Select(Roles.Label)), agency, user.LockoutEnd > clock.GetUtcNow());
    }

    public Task<User?> FindByUserNameAsync(string userName, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken = default) => db.Users.CountAsync(cancellationToken);

    /// <summary>The role names of one account, or of every account.</summary>
    private async Task<ILookup<Guid, string>> RolesAsync(Guid? userId, CancellationToken cancellationToken) =>
        (await (from ur in db.UserRoles.Where(ur => userId == null || ur.UserId == userId)
                join r in db.Roles on ur.RoleId equals r.Id
                select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken)).ToLookup(x => x.UserId, x => x.Name!);
}
