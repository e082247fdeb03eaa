using Gongkai.Core.Agencies;
using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Requests;

/// <summary>An agency in a select list, indented under its parent so the hierarchy reads as it is.</summary>
public sealed record AgencyChoice(int Id, string Label, string Name);

public static class AgencyChoices
{
    public static async Task<IReadOnlyList<AgencyChoice>> ListAsync(GongkaiDbContext db, CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(cancellationToken);
        var list = new List<AgencyChoice>();
        void Add(IEnumerable<AgencyNode> nodes, int depth)
        {
            foreach (var node in nodes)
            {
                list.Add(new AgencyChoice(node.Agency.Id, new string('　', depth) + node.Agency.Name, node.Agency.Name));
                Add(node.Children, depth + 1);
            }
        }
        Add(AgencyTree.Build(agencies), 0);
        return list;
    }
}
