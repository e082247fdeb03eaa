using Gongkai.Domain.Agencies;

namespace Gongkai.Domain.Tests.Agencies;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("11100000000013127D", true)]   // 国务院办公厅
    [InlineData("91350100M000100Y43", true)]
    [InlineData("11100000000013127E", false)]  // wrong check character
    [InlineData("11100000000013127", false)]   // too short
    [InlineData("1110000000001312I7D", false)] // too long
    [InlineData("111000000000131I7D", false)]  // I is not in the alphabet
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_Code_ChecksLengthAlphabetAndCheckCharacter(string? code, bool valid) =>
        CreditCode.IsValid(code).ShouldBe(valid);

    [Fact]
    public void Complete_First17_AppendsTheCheckCharacter() =>
        CreditCode.Complete("11100000000013127").ShouldBe("11100000000013127D");

    [Fact]
    public void OrganizationCode_IsTheNineCharactersBeforeTheCheck() =>
        CreditCode.OrganizationCode("11100000000013127D").ShouldBe("000013127");

    [Fact]
    public void OrganizationCode_InvalidCode_Refused() =>
        Should.Throw<ArgumentException>(() => CreditCode.OrganizationCode("11100000000013127E"));
}
