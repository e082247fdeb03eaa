using Gongkai.Domain.Reports;
using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Requests;

public class RequestTableTests
{
    private static readonly TableThreeCounts Counts = new(
        NewReceived: [5, 2, 0, 0, 1, 0],
        CarriedOver: [1, 0, 0, 0, 0, 0],
        Decided: new Dictionary<(ApplicantType, Outcome), int>
        {
            [(ApplicantType.NaturalPerson, Outcome.Granted)] = 2,
            [(ApplicantType.NaturalPerson, Outcome.PartiallyGranted)] = 1,
            [(ApplicantType.NaturalPerson, Outcome.NoCorrection)] = 1,
            [(ApplicantType.CommercialEnterprise, Outcome.FeeUnpaid)] = 1,
            [(ApplicantType.LegalServiceProvider, Outcome.Other)] = 1,
        },
        CarriedForward: [2, 1, 0, 0, 0, 0]);

    [Fact]
    public void Build_Template2021_OneRowPerOutcomeAndBalanced()
    {
        var table = RequestTable.Build(ReportTemplate.Y2021, Counts);

        Row(table, "results.granted").ShouldBe([2, 0, 0, 0, 0, 0, 2]);
        Row(table, "results.other.noCorrection").ShouldBe([1, 0, 0, 0, 0, 0, 1]);
        Row(table, "results.other.feeUnpaid").ShouldBe([0, 1, 0, 0, 0, 0, 1]);
        Row(table, "results.denied.stateSecret").ShouldBe([0, 0, 0, 0, 0, 0, 0]);
        Row(table, "results.total").ShouldBe([4, 1, 0, 0, 1, 0, 6]);
        for (var c = 0; c < 7; c++)
            (Row(table, "newReceived")[c] + Row(table, "carriedOver")[c]).ShouldBe(Row(table, "results.total")[c] + Row(table, "carriedForward")[c]);
    }

    [Fact]
    public void Build_Template2019_OtherOutcomesShareOneRow()
    {
        var table = RequestTable.Build(ReportTemplate.Y2019, Counts);

        Row(table, "results.other").ShouldBe([1, 1, 0, 0, 1, 0, 3]);
        table["results.other.feeUnpaid"].ShouldBeNull();
    }

    [Theory]
    [InlineData("2026-12-31", "2027-01-04", true)]
    [InlineData("2026-12-31", "2026-12-31", false)]
    [InlineData("2026-12-31", null, true)]
    [InlineData("2027-01-02", null, false)]
    public void IsOpenOn_ReceivedAndNotYetDecided(string received, string? decided, bool open) =>
        RequestTable.IsOpenOn(DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture),
            decided is null ? null : DateOnly.Parse(decided, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 12, 31)).ShouldBe(open);

    private static decimal[] Row(StatTable table, string key) => [.. table[key]!.Select(c => c.Value!.Value)];
    /// <summary>What a published year must not see move (issue 14 row 4): a receipt, a decision or an outcome; not a delivery or a 补正.</summary>
    [Theory]
    [InlineData(null, null, null, "2025-12-31", null, null, "2025-12-31")]              // received (registered late)
    [InlineData("2025-12-22", null, null, "2025-12-22", "2025-12-30", Outcome.NotHeld, "2025-12-30")] // decided, backdated
    [InlineData("2025-12-22", null, null, "2025-12-22", "2026-01-20", Outcome.NotHeld, "2026-01-20")] // decided in the new year
    [InlineData("2025-12-22", "2025-12-30", Outcome.NotHeld, "2025-12-22", "2025-12-30", Outcome.NotHeld, null)] // delivered: nothing moves
    [InlineData("2025-12-22", "2025-12-30", Outcome.NotHeld, "2025-12-22", "2025-12-30", Outcome.Granted, "2025-12-30")]
    public void CountingChangesFrom_TheFirstDayAChangeMovesInTableThree(string? receivedBefore, string? decidedBefore, Outcome? outcomeBefore,
        string? receivedAfter, string? decidedAfter, Outcome? outcomeAfter, string? from) =>
        RequestTable.CountingChangesFrom(N(receivedBefore), N(decidedBefore), outcomeBefore, N(receivedAfter), N(decidedAfter), outcomeAfter)
            .ShouldBe(N(from));

    private static DateOnly? N(string? s) => s is null ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
