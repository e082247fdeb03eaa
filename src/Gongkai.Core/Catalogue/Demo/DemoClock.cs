namespace Gongkai.Core.Catalogue.Demo;

/// <summary>
/// The demo catalogue spans several years: its documents are drafted, reviewed and published
/// through the real use cases with this clock set to each day in turn, so their dates, 索引号 years
/// and histories are what they would have been.
/// </summary>
internal sealed class DemoClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Sets the clock to a Beijing day and time.</summary>
    public void Set(DateOnly day, int hour, int minute) =>
        Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), ChinaTime.Offset).ToUniversalTime();
}
