using Gongkai.Core.Accounts;
using Gongkai.Core.Files;
using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Agencies;

/// <summary>An agency in a select list, indented under its parent so the hierarchy reads as it is.</summary>
public sealed record AgencyChoice(int Id, string Label, string Name);

/// <summary>What an agency's 公开指南 page shows beside the guide's text.</summary>
public sealed record AgencyGuide(Agency Agency, Agency? Parent, IReadOnlyList<Agency> Children, StoredFile? GuideFile);

/// <summary>A member of an agency's staff with the labels of their roles.</summary>
public sealed record StaffMember(string DisplayName, string UserName, string Roles, string? PhoneNumber);

/// <summary>
/// Every read of the agencies a page needs: lists in the administrator's order (whole, or within a
/// viewer's scope), one agency, its name, its staff, the agencies whose name or guide mentions a text.
/// An agency outside a scope does not exist for that viewer.
/// </summary>
public sealed class AgencyDirectory(GongkaiDbContext db)
{
    /// <summary>The agencies whose records a person with these roles, of this agency, may see.</summary>
    public Task<AgencyScope> ScopeOfAsync(int? agencyId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default) =>
        AgencyScope.ForAsync(db, agencyId, roles, cancellationToken);

    public Task<List<Agency>> ListAsync(CancellationToken cancellationToken = default) => ListAsync(AgencyScope.Everything, cancellationToken);

    public Task<List<Agency>> ListAsync(AgencyScope scope, CancellationToken cancellationToken = default) =>
        Ordered(scope.Apply(db.Agencies.AsNoTracking(), a => a.Id)).ToListAsync(cancellationToken);

    /// <summary>The agencies' ids and names within the scope, in the administrator's order (for filters and choices).</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> NamesAsync(AgencyScope scope, CancellationToken cancellationToken = default) =>
        [.. (await Ordered(scope.Apply(db.Agencies.AsNoTracking(), a => a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            .Select(a => (a.Id, a.Name))];

    /// <summary>Agencies as the hierarchy people read (each under its parent) within the scope.</summary>
    public async Task<IReadOnlyList<AgencyNode>> TreeAsync(AgencyScope scope, CancellationToken cancellationToken = default) =>
        AgencyTree.Build(await ListAsync(scope, cancellationToken));

    /// <summary>Every agency for a select list, indented under its parent.</summary>
    public async Task<IReadOnlyList<AgencyChoice>> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<AgencyChoice>();
        void Add(IEnumerable<AgencyNode> nodes, int depth)
        {
            foreach (var node in nodes)
            {
                list.Add(new AgencyChoice(node.Agency.Id, new string('　', depth) + node.Agency.Name, node.Agency.Name));
                Add(node.Children, depth + 1);
            }
        }
        Add(await TreeAsync(AgencyScope.Everything, cancellationToken), 0);
        return list;
    }

    public Task<Agency?> FindAsync(int id, CancellationToken cancellationToken = default) => FindAsync(id, AgencyScope.Everything, cancellationToken);

    public Task<Agency?> FindAsync(int id, AgencyScope scope, CancellationToken cancellationToken = default) =>
        scope.Apply(db.Agencies.AsNoTracking(), a => a.Id).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Task<string?> NameAsync(int id, CancellationToken cancellationToken = default) =>
        db.Agencies.Where(a => a.Id == id).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);

    public Task<int> CountAsync(AgencyScope scope, CancellationToken cancellationToken = default) =>
        scope.Apply(db.Agencies, a => a.Id).CountAsync(cancellationToken);

    /// <summary>The agencies whose name, office or 公开指南 contains the text (literally: % and _ are not wildcards).</summary>
    public Task<List<Agency>> MentioningAsync(string text, int take, CancellationToken cancellationToken = default) =>
        Ordered(db.Agencies.AsNoTracking().Where(a => a.Name.Contains(text) || a.OfficeName.Contains(text) || a.Guide.Contains(text)))
            .Take(take).ToListAsync(cancellationToken);

    /// <summary>The agency's 公开指南 file (PDF, OFD or Word), if it has one.</summary>
    public Task<StoredFile?> GuideFileAsync(int agencyId, CancellationToken cancellationToken = default) =>
        (from a in db.Agencies
         join f in db.StoredFiles on a.GuideFileId equals f.Id
         where a.Id == agencyId
         select f).AsNoTracking().SingleOrDefaultAsync(cancellationToken);

    /// <summary>The agency's 公开指南 page: the agency, its parent, its children in order, its guide file.</summary>
    public async Task<AgencyGuide?> GuideAsync(int id, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.AsNoTracking().Include(a => a.Parent).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agency is null) return null;
        var children = await Ordered(db.Agencies.AsNoTracking().Where(a => a.ParentId == id)).ToListAsync(cancellationToken);
        return new AgencyGuide(agency, agency.Parent, children, await GuideFileAsync(id, cancellationToken));
    }

    /// <summary>The agency's staff with their roles, by name.</summary>
    public async Task<IReadOnlyList<StaffMember>> StaffAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        var rows = await (from u in db.Users
                          where u.AgencyId == agencyId
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          orderby u.DisplayName
                          select new { u.DisplayName, u.UserName, u.PhoneNumber, Role = r.Name! }).AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => (r.DisplayName, r.UserName, r.PhoneNumber))
            .Select(g => new StaffMember(g.Key.DisplayName, g.Key.UserName!, string.Join("、", g.Select(r => Roles.Label(r.Role))), g.Key.PhoneNumber))];
    }

    private static IOrderedQueryable<Agency> Ordered(IQueryable<Agency> agencies) => agencies.OrderBy(a => a.SortOrder).ThenBy(a => a.Id);
}
