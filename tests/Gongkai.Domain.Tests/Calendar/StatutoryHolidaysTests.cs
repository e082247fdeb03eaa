using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

/// <summary>Years without a State Council arrangement: the holidays 《全国年节及纪念日放假办法》 (2024) fixes.</summary>
public class StatutoryHolidaysTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2027-01-01", "元旦")]
    [InlineData("2027-02-05", "春节")] // 除夕 (正月初一 is 2027-02-06)
    [InlineData("2027-02-08", "春节")] // 初三
    [InlineData("2027-02-09", "春节")] // make-up for 初一 on a Saturday
    [InlineData("2027-02-10", "春节")] // make-up for 初二 on a Sunday
    [InlineData("2027-04-05", "清明节")]
    [InlineData("2027-05-01", "劳动节")] // a Saturday
    [InlineData("2027-05-03", "劳动节")] // make-up for 05-01 on a Saturday (第六条)
    [InlineData("2027-05-04", "劳动节")] // make-up for 05-02 on a Sunday
    [InlineData("2027-06-09", "端午节")]
    [InlineData("2027-09-15", "中秋节")]
    [InlineData("2027-10-01", "国庆节")]
    [InlineData("2027-10-04", "国庆节")] // make-up for 10-02 on a Saturday
    [InlineData("2027-10-05", "国庆节")] // make-up for 10-03 on a Sunday
    public void Of_UnannouncedYear_HasTheLawsHolidaysAndMakeUpDays(string date, string holiday) =>
        StatutoryHolidays.NoteOf(D(date)).ShouldNotBeNull().ShouldStartWith(holiday);

    [Theory]
    [InlineData("2027-02-11")] // 初六: only the yearly notice can make it a rest day
    [InlineData("2027-05-05")]
    [InlineData("2027-10-06")]
    public void Of_DaysOnlyANoticeCouldAdd_AreNotHolidays(string date) =>
        StatutoryHolidays.NoteOf(D(date)).ShouldBeNull();

    [Fact]
    public void Of_EveryPublishedYear_EachStatutoryHolidayIsARestDayInTheNotice()
    {
        // The State Council's notices (2025 and 2026 under the 2024 amendment; earlier years had one
        // day less of 春节 and 劳动节, so only the days common to both rules are compared).
        foreach (var year in Enumerable.Range(2019, 8))
        {
            foreach (var (date, note) in StatutoryHolidays.Of(year).Where(d => !d.Value.Contains("补假", StringComparison.Ordinal)))
            {
                var newIn2024 = year < 2025 && (note.StartsWith("春节", StringComparison.Ordinal) || note.StartsWith("劳动节", StringComparison.Ordinal));
                if (newIn2024)
                    continue;
                NationalCalendar.Default.KindOf(date).ShouldBe(DayKind.RestDay, $"{date:yyyy-MM-dd} {note}");
            }
        }
    }

    [Theory]
    [InlineData(2019, "2019-04-05")]
    [InlineData(2020, "2020-04-04")]
    [InlineData(2023, "2023-04-05")]
    [InlineData(2024, "2024-04-04")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-04-05")]
    public void Qingming_FromTheTable(int year, string date) => StatutoryHolidays.Qingming(year).ShouldBe(D(date));

    [Fact]
    public void AddWorkingDays_ReceivedBeforeAnUnannouncedYear_SkipsItsNewYearsDay()
    {
        // Received 2026-12-04; 2027 has no notice yet: 元旦 (a Friday) is still a rest day.
        var trace = NationalCalendar.Default.Trace(D("2026-12-04"), 20);

        trace.Due.ShouldBe(D("2027-01-04"));
        trace.Confirmed.ShouldBeFalse();
        trace.Describe().ShouldContain(l => l.Contains("2027-01-01（星期五）（元旦（法定节假日）（按放假办法推算，待公布当年安排））"));
        trace.Describe().ShouldContain(l => l.Contains("临时结果"));
    }

    [Fact]
    public void KindOf_ConfirmedYear_FollowsTheNoticeNotTheLaw()
    {
        // 2026-02-23 (初七) is a rest day by the 2026 notice, not by the law; a confirmed year uses the notice only.
        NationalCalendar.Default.KindOf(D("2026-02-23")).ShouldBe(DayKind.RestDay);
        StatutoryHolidays.NoteOf(D("2026-02-23")).ShouldBeNull();
    }
}
