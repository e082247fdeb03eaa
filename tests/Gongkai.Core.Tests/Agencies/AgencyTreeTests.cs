using Gongkai.Core.Agencies;
using Gongkai.Domain.Agencies;

namespace Gongkai.Core.Tests.Agencies;

public sealed class AgencyTreeTests
{
    private static Agency A(int id, int? parent, int order = 0) => new()
    {
        Id = id, ParentId = parent, SortOrder = order, Name = "机关" + id, Level = AgencyLevel.Department,
        OrganizationCode = "", OfficeName = "", OfficeAddress = "", OfficePhone = "",
    };

    [Fact]
    public void Build_ScopedList_AgenciesWithoutVisibleParentBecomeRootsInOrder()
    {
        var tree = AgencyTree.Build([A(5, 1, order: 2), A(6, 1, order: 1), A(7, 6), A(9, 8)]);

        tree.Select(n => n.Agency.Id).ShouldBe([9, 6, 5]);
        tree[1].Children.Single().Agency.Id.ShouldBe(7);
    }
}
