namespace Gongkai.Core;

/// <summary>
/// Times are stored in UTC and shown in 北京时间 (UTC+8, no daylight saving), which is what every
/// agency means by a date; a day's records run from 00:00 Beijing time, i.e. 16:00 UTC the day before.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime FromUtc(DateTime utc) => DateTime.SpecifyKind(utc + Offset, DateTimeKind.Unspecified);

    public static DateTime StartOfDayUtc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);
}
