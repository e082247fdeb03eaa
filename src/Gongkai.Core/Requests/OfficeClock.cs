namespace Gongkai.Core.Requests;

/// <summary>
/// "Today" for the statutory clock: the date in Beijing from the <see cref="TimeProvider"/>, unless
/// the configuration fixes it (Gongkai:Today, for trainings and browser tests that must cross a
/// known holiday). Only legal dates follow it; times in the audit log stay real.
/// </summary>
public sealed class OfficeClock(TimeProvider time, OfficeClockOptions options)
{
    public DateOnly Today => options.Today ?? DateOnly.FromDateTime(ChinaTime.FromUtc(time.GetUtcNow().UtcDateTime));

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The moment of a legal act such as an online submission (条例第三十一条): now, moved onto the
    /// fixed day when the configuration fixes one, so that the act and the clock's today agree.
    /// </summary>
    public DateTime LegalUtcNow => options.Today is { } day
        ? ChinaTime.StartOfDayUtc(day) + ChinaTime.FromUtc(UtcNow).TimeOfDay
        : UtcNow;
}

public sealed record OfficeClockOptions(DateOnly? Today);
