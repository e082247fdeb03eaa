using System.Globalization;

namespace Gongkai.Domain.Reports.Generation;

/// <summary>
/// A report covers a calendar year (1 January to 31 December, 条例第五十条). Before the year is over a
/// generated report is partial: it may be drafted at any time, but published only after 31 December
/// and from figures counted after it.
/// </summary>
public static class ReportPeriod
{
    public static DateOnly End(int year) => new(year, 12, 31);

    /// <summary>Whether figures counted on <paramref name="countedOn"/> cover the whole year.</summary>
    public static bool IsComplete(int year, DateOnly countedOn) => countedOn > End(year);

    /// <summary>Why a report of the year cannot be published on the day from figures counted then, or null.</summary>
    public static string? PublishingRefusal(int year, DateOnly publishingOn, DateOnly countedOn) =>
        !IsComplete(year, publishingOn)
            ? $"{Year(year)}年度尚未结束，年度报告须在{Year(year)}年12月31日之后发布（草稿可以随时生成）。"
            : !IsComplete(year, countedOn)
                ? $"报告的数据统计于{countedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}，不是全年数据，请重新生成后再发布。"
                : null;

    /// <summary>The banner of a partial report: the figures run to the day they were counted.</summary>
    public static string PartialNote(int year, DateOnly countedOn) =>
        $"{Year(year)}年度尚未结束时生成的报告，数据截至{countedOn.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}，不是全年数据；年度结束后须重新生成才能发布。";

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
