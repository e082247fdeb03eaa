namespace Gongkai.Core.Tests.Support;

/// <summary>A clock the test sets: "now" is whatever the rule under test needs.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
