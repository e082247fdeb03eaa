namespace Gongkai.Core.Catalogue;

/// <summary>Catalogue dates are Beijing days: 发布日期, the year of an 索引号, "today" for validity and deadlines.</summary>
internal static class Beijing
{
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ChinaTime.FromUtc(utc));

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>A date as official documents write it: 2026年3月1日.</summary>
    public static string Text(DateOnly date) => date.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);
}
