namespace Gongkai.Domain.Security;

/// <summary>
/// How long an account waits between sign-in attempts after failures. A few failures are free
/// (typing mistakes); each further one doubles the wait, up to a quarter of an hour. There is no
/// lock: whoever keeps guessing only slows the account down, and its owner can still sign in once
/// the wait is over, so no one can keep staff out by typing wrong passwords. A success starts afresh.
/// </summary>
public static class SignInBackoff
{
    /// <summary>Failed attempts in a row that cost no wait.</summary>
    public const int FreeFailures = 4;

    public static readonly TimeSpan First = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(15);

    /// <summary>The wait before the next attempt, after <paramref name="failures"/> failed attempts in a row.</summary>
    public static TimeSpan After(int failures) => Doubling.Wait(First, failures - FreeFailures, Longest);
}
