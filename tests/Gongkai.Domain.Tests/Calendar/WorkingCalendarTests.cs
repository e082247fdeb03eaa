using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

public class WorkingCalendarTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-02-11", DayKind.WorkingDay)]      // ordinary Wednesday
    [InlineData("2026-02-14", DayKind.MakeUpWorkingDay)] // Saturday before 春节, 调休上班
    [InlineData("2026-02-16", DayKind.RestDay)]          // Monday inside 春节
    [InlineData("2026-02-21", DayKind.RestDay)]          // Saturday inside 春节
    [InlineData("2026-02-28", DayKind.MakeUpWorkingDay)] // Saturday after 春节
    [InlineData("2026-03-07", DayKind.RestDay)]          // ordinary Saturday
    [InlineData("2020-02-01", DayKind.RestDay)]          // 2020 春节 extended (国办发明电〔2020〕1号)
    [InlineData("2023-04-05", DayKind.RestDay)]          // 清明 on a Wednesday
    [InlineData("2018-12-29", DayKind.MakeUpWorkingDay)] // 2019 元旦 调休, in the 2019 notice
    public void KindOf_NationalArrangements(string date, DayKind kind) =>
        NationalCalendar.Default.KindOf(D(date)).ShouldBe(kind);

    [Theory]
    [InlineData("2026-02-10", 20, "2026-03-16")] // the example: 春节 skipped, two 调休 Saturdays counted
    [InlineData("2024-09-13", 1, "2024-09-14")]  // a 调休 Saturday is the next working day
    [InlineData("2024-09-30", 1, "2024-10-08")]  // 国庆 skipped
    [InlineData("2025-12-31", 1, "2026-01-04")]  // across the year: 元旦 off, Sunday 4 January worked
    [InlineData("2019-12-31", 20, "2020-02-05")] // across the year and 春节 2020
    [InlineData("2026-03-06", 2, "2026-03-10")]  // ordinary weekend
    [InlineData("2026-03-06", 0, "2026-03-06")]
    [InlineData("2026-02-15", 1, "2026-02-24")]  // starting on a holiday
    public void AddWorkingDays_StartDayNotCounted(string start, int days, string due) =>
        NationalCalendar.Default.AddWorkingDays(D(start), days).ShouldBe(D(due));

    [Fact]
    public void AddWorkingDays_LocalLayerOverridesNational()
    {
        var local = new CalendarLayer("本市");
        local.Set(D("2026-03-02"), DayKind.RestDay, "本地放假");
        var calendar = new WorkingCalendar([NationalCalendar.Layer, local]);

        calendar.AddWorkingDays(D("2026-02-10"), 20).ShouldBe(D("2026-03-17"));
        calendar.NoteOf(D("2026-03-02")).ShouldBe("本地放假");
    }

    [Fact]
    public void AddWorkingDays_PausedDaysNotCounted()
    {
        // Paused 2026-03-09..2026-03-13 (five working days): the due date moves a week.
        var due = NationalCalendar.Default.AddWorkingDays(D("2026-02-10"), 20, d => d >= D("2026-03-09") && d <= D("2026-03-13"));

        due.ShouldBe(D("2026-03-23"));
    }

    [Theory]
    [InlineData(2019, true)]
    [InlineData(2026, true)]
    [InlineData(2027, false)]
    [InlineData(2018, false)]
    public void IsConfirmed_OnlyAnnouncedYears(int year, bool confirmed) =>
        NationalCalendar.Default.IsConfirmed(year).ShouldBe(confirmed);

    [Fact]
    public void Trace_ExplainsHolidaysMakeUpDaysAndDue()
    {
        var lines = NationalCalendar.Default.Trace(D("2026-02-10"), 20).Describe();

        lines[0].ShouldBe("起算日：2026-02-10（星期二）（当日不计入），向后计算20个工作日");
        lines.ShouldContain("跳过节假日：2026-02-15（星期日）至2026-02-23（星期一）（法定节假日）");
        lines.ShouldContain("计入调休上班日：2026-02-14（星期六）、2026-02-28（星期六）");
        lines[^1].ShouldBe("第20个工作日：2026-03-16（星期一）");
    }

    [Fact]
    public void Trace_UnannouncedYear_SaysUnconfirmed()
    {
        var trace = NationalCalendar.Default.Trace(D("2026-12-20"), 20);

        trace.Confirmed.ShouldBeFalse();
        trace.Describe().ShouldContain(l => l.Contains("尚未公布节假日安排"));
    }
}
