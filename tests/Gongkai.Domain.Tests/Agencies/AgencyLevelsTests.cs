using Gongkai.Domain.Agencies;

namespace Gongkai.Domain.Tests.Agencies;

public sealed class AgencyLevelsTests
{
    [Theory]
    [InlineData(AgencyLevel.Province, null, true)]
    [InlineData(AgencyLevel.City, null, true)]
    [InlineData(AgencyLevel.City, AgencyLevel.Province, true)]
    [InlineData(AgencyLevel.County, AgencyLevel.City, true)]
    [InlineData(AgencyLevel.Department, AgencyLevel.County, true)]
    [InlineData(AgencyLevel.Department, AgencyLevel.Department, true)]
    [InlineData(AgencyLevel.Township, AgencyLevel.County, true)]
    [InlineData(AgencyLevel.Department, null, false)]
    [InlineData(AgencyLevel.Township, null, false)]
    [InlineData(AgencyLevel.Township, AgencyLevel.Department, false)]
    [InlineData(AgencyLevel.Province, AgencyLevel.City, false)]
    [InlineData(AgencyLevel.City, AgencyLevel.County, false)]
    [InlineData(AgencyLevel.County, AgencyLevel.Township, false)]
    public void CanBeChildOf_LevelPairs_FollowTheHierarchy(AgencyLevel child, AgencyLevel? parent, bool allowed) =>
        child.CanBeChildOf(parent).ShouldBe(allowed);

    [Fact]
    public void Label_EveryLevel_Chinese() =>
        Enum.GetValues<AgencyLevel>().Select(l => l.Label()).ShouldBe(["省", "市", "区县", "部门", "乡镇街道"]);
}
