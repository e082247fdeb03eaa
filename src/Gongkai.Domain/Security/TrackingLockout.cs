namespace Gongkai.Domain.Security;

/// <summary>
/// How a 查询码 is protected from guessing its second factor (the phone's last four digits allow
/// only 10,000 values): after a few wrong answers in a row the code is locked, every answer refused,
/// for half an hour; each further lock without a success in between lasts twice as long, up to a day.
/// Guessing 10,000 values then takes years, while an applicant who mistyped waits at most half an hour.
/// A success ends the count, and the applicant is told of the failed tries.
/// </summary>
public static class TrackingLockout
{
    /// <summary>Wrong answers in a row that lock the code.</summary>
    public const int MaxFailures = 5;

    public static readonly TimeSpan First = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan Longest = TimeSpan.FromHours(24);

    /// <summary>How long the <paramref name="lockNumber"/>-th lock in a row lasts (the first is 1).</summary>
    public static TimeSpan Duration(int lockNumber) => Doubling.Wait(First, lockNumber, Longest);
}
