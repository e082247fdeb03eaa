using Gongkai.Domain.Agencies;

namespace Gongkai.Domain.Reports.Generation;

/// <summary>An agency in the hierarchy, as the report scope needs it.</summary>
public sealed record ScopeNode(int Id, int? ParentId, AgencyLevel Level);

/// <summary>
/// Whose records a report counts (docs/decisions/0022). A department's, a township's or a street's
/// report counts its own records. A people's government's (人民政府: province, city, county) report is
/// the report of its government: its own records plus the reports of the units directly under it
/// that it covers — by default its departments and its 办公室 (本级政府部门); a subordinate government
/// or a township when the government so decides, with whatever that unit's own report covers. The
/// hierarchy is a tree and a unit is covered only through its parent, so no unit is counted twice.
/// </summary>
public sealed class ReportScope
{
    private readonly Dictionary<int, ScopeNode> nodes;
    private readonly ILookup<int, ScopeNode> children;
    private readonly IReadOnlyDictionary<(int Government, int Unit), bool> choices;

    /// <param name="tree">Every agency.</param>
    /// <param name="choices">The governments' explicit choices: (government, direct unit) → covered or not.</param>
    public ReportScope(IEnumerable<ScopeNode> tree, IReadOnlyDictionary<(int Government, int Unit), bool> choices)
    {
        nodes = tree.ToDictionary(n => n.Id);
        children = nodes.Values.Where(n => n.ParentId is not null).OrderBy(n => n.Id).ToLookup(n => n.ParentId!.Value);
        this.choices = choices;
    }

    /// <summary>Whether an agency of this level reports for its government and so may cover units (人民政府).</summary>
    public static bool IsGovernment(AgencyLevel level) => level is AgencyLevel.Province or AgencyLevel.City or AgencyLevel.County;

    /// <summary>Covered when the government has not decided: its departments and 办公室, not subordinate governments or townships.</summary>
    public static bool CoveredByDefault(AgencyLevel unit) => unit == AgencyLevel.Department;

    public bool IsGovernment(int agencyId) => nodes.TryGetValue(agencyId, out var n) && IsGovernment(n.Level);

    /// <summary>Whether a government's report covers one of its direct units: its choice, else the default.</summary>
    public bool Covers(int governmentId, int unitId) =>
        IsGovernment(governmentId) && nodes.TryGetValue(unitId, out var unit) && unit.ParentId == governmentId
        && (choices.TryGetValue((governmentId, unitId), out var chosen) ? chosen : CoveredByDefault(unit.Level));

    /// <summary>The units directly under an agency whose reports its report sums, in the hierarchy's order; none for a non-government.</summary>
    public IReadOnlyList<int> Units(int agencyId) => [.. children[agencyId].Where(c => Covers(agencyId, c.Id)).Select(c => c.Id)];

    /// <summary>Every agency whose own records a report counts: the agency, and what each covered unit's report counts.</summary>
    public IReadOnlySet<int> Counted(int agencyId)
    {
        var counted = new HashSet<int>();
        var pending = new Stack<int>([agencyId]);
        while (pending.TryPop(out var id))
        {
            if (!counted.Add(id))
                continue;
            foreach (var unit in Units(id))
                pending.Push(unit);
        }
        return counted;
    }

    /// <summary>The agency and the governments whose reports count its records, nearest first.</summary>
    public IReadOnlyList<int> CountedIn(int agencyId)
    {
        var list = new List<int> { agencyId };
        for (var at = agencyId; nodes.TryGetValue(at, out var n) && n.ParentId is { } parent && Covers(parent, at); at = parent)
            list.Add(parent);
        return list;
    }

    /// <summary>
    /// A selection of reports to sum (区域汇总) without counting anything twice: a chosen unit whose
    /// records another chosen report already counts is left out, and returned as covered by it.
    /// </summary>
    public (IReadOnlyList<int> Summed, IReadOnlyDictionary<int, int> CoveredBy) WithoutOverlap(IEnumerable<int> chosen)
    {
        var set = chosen.ToHashSet();
        var coveredBy = new Dictionary<int, int>();
        foreach (var id in set)
        {
            foreach (var other in CountedIn(id).Skip(1))
            {
                if (set.Contains(other))
                    coveredBy[id] = other;
            }
        }
        return ([.. set.Where(id => !coveredBy.ContainsKey(id)).Order()], coveredBy);
    }
}
