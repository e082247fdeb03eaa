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

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-03-15", new string[0], 1)]
    [InlineData("2026-03-15", new[] { "2026-03-01", "2026-03-15" }, 3)]          // same day counts
    [InlineData("2026-03-15", new[] { "2026-02-28", "2025-03-10" }, 1)]          // other months, other years
    [InlineData("2026-03-15", new[] { "2026-03-20" }, 1)]                        // received later in the month
    public void OrdinalInMonth_CountsTheApplicantsRequestsOfTheCalendarMonth(string received, string[] earlier, int ordinal) =>
        Fees.OrdinalInMonth(D(received), earlier.Select(D)).ShouldBe(ordinal);

    [Fact]
    public void PerRequest_EleventhRequestOfTheMonth_IsTheFirstCharged() =>
        Fees.PerRequest(Fees.OrdinalInMonth(D("2026-03-31"), Enumerable.Range(1, 10).Select(d => new DateOnly(2026, 3, d)))).ShouldBe(100);
}
