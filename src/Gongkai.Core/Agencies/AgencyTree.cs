namespace Gongkai.Core.Agencies;

public sealed record AgencyNode(Agency Agency, IReadOnlyList<AgencyNode> Children);

/// <summary>Agencies as the hierarchy people read: each under its parent, in the administrator's order.</summary>
public static class AgencyTree
{
    /// <summary>Roots are the agencies whose parent is not in the list, so a scoped list still forms a tree.</summary>
    public static IReadOnlyList<AgencyNode> Build(IReadOnlyCollection<Agency> agencies)
    {
        var ids = agencies.Select(a => a.Id).ToHashSet();
        var children = agencies.Where(a => a.ParentId is { } p && ids.Contains(p)).ToLookup(a => a.ParentId!.Value);
        IReadOnlyList<AgencyNode> Nodes(IEnumerable<Agency> level) =>
            level.OrderBy(a => a.SortOrder).ThenBy(a => a.Id).Select(a => new AgencyNode(a, Nodes(children[a.Id]))).ToList();
        return Nodes(agencies.Where(a => a.ParentId is not { } p || !ids.Contains(p)));
    }
}
