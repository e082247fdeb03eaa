using Gongkai.Core.Security;

namespace Gongkai.Core.Tests.Security;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("110101199003074518", "110***********4518")]
    [InlineData("11010119900307451X", "110***********451X")]
    [InlineData("110101900307451", "110********7451")]
    [InlineData("123", "***")]
    [InlineData(null, "")]
    public void IdNumber_Value_ShowsRegionStartAndLastFour(string? value, string expected) => Masking.IdNumber(value).ShouldBe(expected);

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("0571-87654321", "0571-****4321")]
    [InlineData("0571-87654321-801", "0571-****4321-801")]
    [InlineData("87654321", "****4321")]
    [InlineData("", "")]
    public void Phone_Value_KeepsPrefixAndLastFour(string value, string expected) => Masking.Phone(value).ShouldBe(expected);

    [Theory]
    [InlineData("浙江省杭州市西湖区文三路100号3幢201室", "浙江省杭州市西湖区****")]
    [InlineData("示范市明德区文昌街道幸福里5号", "示范市明德区文昌街道****")]
    [InlineData("示范市明德区翠苑小区3幢", "示范市明德区****")]
    [InlineData("安澜县白石乡白石村1组", "安澜县白石乡****")]
    [InlineData("人民路8号", "人民****")]
    public void Address_Value_KeepsDivisionsOnly(string value, string expected) => Masking.Address(value).ShouldBe(expected);
}
