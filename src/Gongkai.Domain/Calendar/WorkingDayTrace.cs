using System.Globalization;

namespace Gongkai.Domain.Calendar;

/// <summary>
/// How a due date was reached: the days counted, the rest days skipped (grouped into ranges with
/// their note), the 调休上班 days counted, and the days not counted because the clock was paused.
/// </summary>
public sealed record WorkingDayTrace(
    DateOnly Start,
    int Days,
    DateOnly Due,
    IReadOnlyList<(DateOnly From, DateOnly To, string? Note)> RestRanges,
    IReadOnlyList<DateOnly> MakeUpDays,
    IReadOnlyList<(DateOnly From, DateOnly To)> PausedRanges,
    bool Confirmed)
{
    /// <summary>The trace in Chinese, one fact per line, for the case page and the CLI.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>
        {
            $"起算日：{Format(Start)}（当日不计入），向后计算{Days.ToString(CultureInfo.InvariantCulture)}个工作日",
        };
        var holidays = RestRanges.Where(r => r.Note is not null).ToList();
        if (holidays.Count > 0)
            lines.Add("跳过节假日：" + string.Join("；", holidays.Select(r => $"{Range(r.From, r.To)}（{r.Note}）")));
        var weekends = RestRanges.Count - holidays.Count;
        if (weekends > 0)
            lines.Add($"跳过周末：{weekends.ToString(CultureInfo.InvariantCulture)}段");
        if (MakeUpDays.Count > 0)
            lines.Add("计入调休上班日：" + string.Join("、", MakeUpDays.Select(Format)));
        if (PausedRanges.Count > 0)
            lines.Add("不计入办理期限的期间：" + string.Join("；", PausedRanges.Select(r => Range(r.From, r.To))));
        if (!Confirmed)
            lines.Add("注意：期间涉及的年度尚未公布节假日安排，暂按《全国年节及纪念日放假办法》规定的法定节假日（含节日适逢周末的补假）计算，属于临时结果；管理员确认当年安排后将自动重算");
        lines.Add($"第{Days.ToString(CultureInfo.InvariantCulture)}个工作日：{Format(Due)}");
        return lines;
    }

    private static string Range(DateOnly from, DateOnly to) => from == to ? Format(from) : $"{Format(from)}至{Format(to)}";

    public static string Format(DateOnly date) =>
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "（" + Weekday(date.DayOfWeek) + "）";

    private static string Weekday(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "星期一",
        DayOfWeek.Tuesday => "星期二",
        DayOfWeek.Wednesday => "星期三",
        DayOfWeek.Thursday => "星期四",
        DayOfWeek.Friday => "星期五",
        DayOfWeek.Saturday => "星期六",
        DayOfWeek.Sunday => "星期日",
    };
}
