using System.Linq.Expressions;
using Gongkai.Core.Accounts;
using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Agencies;

/// <summary>
/// Which agencies' records a person may see: staff their own agency, supervisors (上级监督) their
/// agency and everything under it, administrators everything, anyone else nothing. Every query of
/// agency-owned records goes through <see cref="Apply{T}"/>; a record outside the scope is simply
/// not found, so pages answer 404 and never reveal that it exists.
/// </summary>
public sealed class AgencyScope
{
    private readonly IReadOnlySet<int>? agencyIds;

    private AgencyScope(IReadOnlySet<int>? agencyIds) => this.agencyIds = agencyIds;

    public static AgencyScope Everything { get; } = new(null);
    public static AgencyScope Nothing { get; } = new(new HashSet<int>());

    public bool IsEverything => agencyIds is null;

    /// <summary>Whether the agency's records are within the scope.</summary>
    public bool Includes(int agencyId) => agencyIds is null || agencyIds.Contains(agencyId);

    public IQueryable<T> Apply<T>(IQueryable<T> query, Expression<Func<T, int>> agencyOf)
    {
        if (agencyIds is null) return query;
        var ids = agencyIds.ToArray();
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)],
            Expression.Constant(ids), agencyOf.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(contains, agencyOf.Parameters));
    }

    public static async Task<AgencyScope> ForAsync(GongkaiDbContext db, int? agencyId, IReadOnlyCollection<string> roles,
        CancellationToken cancellationToken = default)
    {
        if (roles.Contains(Roles.Admin)) return Everything;
        if (agencyId is not { } own || !roles.Any(r => Roles.Staff.Contains(r))) return Nothing;
        if (!roles.Contains(Roles.Supervisor)) return new AgencyScope(new HashSet<int> { own });

        var tree = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.ParentId }).ToListAsync(cancellationToken);
        var children = tree.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value, a => a.Id);
        var visible = new HashSet<int> { own };
        var pending = new Queue<int>([own]);
        while (pending.TryDequeue(out var id))
            foreach (var child in children[id])
                if (visible.Add(child)) pending.Enqueue(child);
        return new AgencyScope(visible);
    }
}
