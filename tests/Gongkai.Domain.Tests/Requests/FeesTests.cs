using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Requests;

public class FeesTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 100)]
    [InlineData(31, 200)]
    [InlineData(40, 200)]
    [InlineData(41, 300)]
    [InlineData(55, 400)]
    public void PerRequest_BandsOfTheMonth(int ordinal, int fee) => Fees.PerRequest(ordinal).ShouldBe(fee);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 700)]
    [InlineData(101, 720)]
    [InlineData(150, 1700)]
    [InlineData(200, 2700)]
    [InlineData(201, 2740)]
    [InlineData(250, 4700)]
    public void PerVolume_MarginalTiers(int pages, int fee) => Fees.PerVolume(pages).ShouldBe(fee);
}
