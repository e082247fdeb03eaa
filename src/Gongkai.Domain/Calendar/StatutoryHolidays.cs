using System.Collections.Concurrent;
using System.Globalization;

namespace Gongkai.Domain.Calendar;

/// <summary>
/// The holidays of all citizens under 《全国年节及纪念日放假办法》 as amended in 2024 (国务院令第795号),
/// for a year whose arrangement the State Council has not yet published: 元旦 (1 day), 春节 (除夕 to
/// 初三, 4 days), 清明节 (1), 劳动节 (2), 端午节 (1), 中秋节 (1), 国庆节 (3). A holiday that falls on a
/// Saturday or Sunday gives a rest day on the next working day (第六条). What the yearly notice adds
/// (the 调休 that joins holidays into longer breaks) cannot be known in advance, so these days are
/// provisional: a due date computed on them is at least as late as the law allows, and every
/// explanation says the year is unconfirmed.
/// </summary>
public static class StatutoryHolidays
{
    public const string ProvisionalNote = "（按放假办法推算，待公布当年安排）";

    private static readonly ChineseLunisolarCalendar Lunar = new();
    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, string>> Years = new();

    /// <summary>The rest days of <paramref name="year"/> the law fixes, with the holiday each belongs to.</summary>
    public static IReadOnlyDictionary<DateOnly, string> Of(int year) => Years.GetOrAdd(year, Compute);

    /// <summary>
    /// The holiday a date is a provisional rest day for, or null. Every day the law gives for a year
    /// falls in that year (除夕 is never before 20 January; make-up days stay in January and October).
    /// </summary>
    public static string? NoteOf(DateOnly date) => Of(date.Year).TryGetValue(date, out var note) ? note : null;

    private static Dictionary<DateOnly, string> Compute(int year)
    {
        var holidays = new List<(DateOnly Date, string Name)>
        {
            (new DateOnly(year, 1, 1), "元旦"),
        };
        var springFestival = LunarDate(year, 1, 1);
        for (var d = springFestival.AddDays(-1); d <= springFestival.AddDays(2); d = d.AddDays(1))
            holidays.Add((d, "春节"));
        holidays.Add((Qingming(year), "清明节"));
        holidays.Add((new DateOnly(year, 5, 1), "劳动节"));
        holidays.Add((new DateOnly(year, 5, 2), "劳动节"));
        holidays.Add((LunarDate(year, 5, 5), "端午节"));
        holidays.Add((LunarDate(year, 8, 15), "中秋节"));
        for (var day = 1; day <= 3; day++)
            holidays.Add((new DateOnly(year, 10, day), "国庆节"));

        var days = new Dictionary<DateOnly, string>();
        foreach (var (date, name) in holidays)
            days.TryAdd(date, name + "（法定节假日）" + ProvisionalNote);
        // 第六条: each holiday day on a weekend gives one rest day on the next working day.
        foreach (var (date, name) in holidays.OrderBy(h => h.Date))
        {
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                continue;
            var makeUp = date.AddDays(1);
            while (makeUp.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || days.ContainsKey(makeUp))
                makeUp = makeUp.AddDays(1);
            days.Add(makeUp, name + "（节日适逢周末补假）" + ProvisionalNote);
        }
        return days;
    }

    /// <summary>The Gregorian date of a lunar month and day in the lunar year that starts in <paramref name="year"/>.</summary>
    private static DateOnly LunarDate(int year, int month, int day)
    {
        // GetLeapMonth gives the position of the leap month in the year's sequence (0: none); every
        // month from that position on sits one place later.
        var leap = Lunar.GetLeapMonth(year);
        var index = leap > 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>
    /// 清明 (the solar term): its April day for 2001–2099, one digit a year, as almanacs print it
    /// ([Y × 0.2422 + 4.81] − [Y / 4]); checked against every year the State Council has published.
    /// </summary>
    private const string QingmingDays =
        "555455544554455445544554455445544" +
        "554455444544454445444544454445444" +
        "544454444444444444444444444444444";

    public static DateOnly Qingming(int year)
    {
        if (year is < 2001 or > 2099)
            throw new ArgumentOutOfRangeException(nameof(year), year, "清明日期表覆盖2001至2099年");
        return new DateOnly(year, 4, QingmingDays[year - 2001] - '0');
    }

    /// <summary>The year's holidays as one line each, for the calendar page ("2027-02-05 春节 …").</summary>
    public static IReadOnlyList<string> Describe(int year) =>
        [.. Of(year).OrderBy(d => d.Key).Select(d => d.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + d.Value)];
}
