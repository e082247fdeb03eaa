using Gongkai.Domain.Supervision;

namespace Gongkai.Domain.Tests.Supervision;

public sealed class AgencyNamesTests
{
    private static readonly UnitName[] Units =
    [
        new(1, "示范市人民政府"),
        new(2, "示范市教育局"),
        new(3, "示范市明德区人民政府"),
        new(4, "示范市明德区自然资源局"),
        new(5, "示范市临江区教育局"),
        new(6, "示范市住房和城乡建设局"),
    ];

    [Theory]
    [InlineData("示范市教育局", 2)]
    [InlineData("示範市教育局", 2)]
    [InlineData("示范市 教育局", 2)]
    [InlineData("明德区自然资源局", 4)]
    [InlineData("示范市明德区", 3)]
    [InlineData("明德区", 3)]
    [InlineData("某省示范市住房和城乡建设局", 6)]
    public void Match_PrintedName_FindsTheOneUnit(string printed, int expected) =>
        AgencyNames.Match([printed], Units).ShouldBe(expected);

    [Theory]
    [InlineData("教育局")]
    [InlineData("深圳市住房和建设局")]
    [InlineData("住房和城乡建设局")]
    public void Match_AmbiguousOrUnknown_LeftUnmatched(string printed) =>
        AgencyNames.Match([printed], Units).ShouldBeNull();

    [Fact]
    public void Match_AgencyUnknown_PublisherDecides() =>
        AgencyNames.Match(["本局", null, "示范市临江区教育局"], Units).ShouldBe(5);
}
