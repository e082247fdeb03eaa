using Gongkai.Domain.Security;

namespace Gongkai.Domain.Tests.Security;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 15)]
    [InlineData(6, 30)]
    [InlineData(7, 60)]
    [InlineData(10, 480)]
    [InlineData(11, 900)]
    [InlineData(12, 900)]
    [InlineData(1000, 900)]
    [InlineData(int.MaxValue, 900)]
    public void SignInBackoff_FailuresInARow_FreeThenDoublingUpToAQuarterHour(int failures, int seconds) =>
        SignInBackoff.After(failures).ShouldBe(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(6, 960)]
    [InlineData(7, 1440)]
    [InlineData(50, 1440)]
    public void TrackingLockout_LocksInARow_HalfAnHourDoublingUpToADay(int lockNumber, int minutes) =>
        TrackingLockout.Duration(lockNumber).ShouldBe(TimeSpan.FromMinutes(minutes));

    [Fact]
    public void TrackingLockout_GuessingTheLastFourDigits_TakesYears()
    {
        var elapsed = TimeSpan.Zero;
        var guesses = 0;
        for (var lockNumber = 1; guesses < 10_000; lockNumber++)
        {
            guesses += TrackingLockout.MaxFailures;
            elapsed += TrackingLockout.Duration(lockNumber);
        }

        elapsed.TotalDays.ShouldBeGreaterThan(365 * 5);
    }
}
