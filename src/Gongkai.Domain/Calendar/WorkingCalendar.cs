namespace Gongkai.Domain.Calendar;

/// <summary>
/// The official working-day calendar: Monday–Friday work and weekends rest, unless a layer says
/// otherwise; later layers (provincial, local) override earlier ones (national). A year no
/// layer has confirmed has the holidays the law fixes as rest days and is reported as provisional.
/// </summary>
public sealed class WorkingCalendar(IReadOnlyList<CalendarLayer> layers)
{
    public IReadOnlyList<CalendarLayer> Layers { get; } = layers;

    /// <summary>
    /// What the date is: as a layer sets it; in a year no layer has confirmed, the holidays the law
    /// fixes (<see cref="StatutoryHolidays"/>, provisional) are rest days; otherwise the weekday rule.
    /// </summary>
    public DayKind KindOf(DateOnly date) => Lookup(date)?.Kind ?? (Provisional(date) is not null ? DayKind.RestDay : Weekday(date));

    public bool IsWorkingDay(DateOnly date) => KindOf(date).IsWorking();

    /// <summary>Why the date is what it is: the holiday or 调休 note of the layer that set it.</summary>
    public string? NoteOf(DateOnly date) => Lookup(date) is { } set ? set.Note : Provisional(date);

    public bool IsConfirmed(int year) => Layers.Any(l => l.ConfirmedYears.ContainsKey(year));

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="start"/>; the start day
    /// itself is not counted (条例第三十三条). Zero days gives the start day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days) => AddWorkingDays(start, days, _ => false);

    /// <summary>
    /// As <see cref="AddWorkingDays(DateOnly, int)"/>, but working days for which
    /// <paramref name="paused"/> is true are not counted (consultation, fee waiting).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days, Func<DateOnly, bool> paused) => Trace(start, days, paused).Due;

    /// <summary>The due date with how it was reached (shown as "how this date was computed").</summary>
    public WorkingDayTrace Trace(DateOnly start, int days, Func<DateOnly, bool>? paused = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        paused ??= _ => false;
        var rest = new List<(DateOnly, DateOnly, string?)>();
        var pausedRanges = new List<(DateOnly, DateOnly)>();
        var makeUp = new List<DateOnly>();
        var confirmed = IsConfirmed(start.Year);
        var date = start;
        var counted = 0;
        var countedSincePause = true;
        while (counted < days)
        {
            date = date.AddDays(1);
            if (date.Year - start.Year > 10)
                throw new InvalidOperationException("日历中没有足够的工作日");
            confirmed &= IsConfirmed(date.Year);
            var kind = KindOf(date);
            if (!kind.IsWorking())
                Extend(rest, date, NoteOf(date));
            else if (paused(date))
            {
                // One range per pause, even across the rest days inside it.
                if (countedSincePause)
                    pausedRanges.Add((date, date));
                else
                    pausedRanges[^1] = (pausedRanges[^1].Item1, date);
                countedSincePause = false;
            }
            else
            {
                countedSincePause = true;
                counted++;
                if (kind == DayKind.MakeUpWorkingDay)
                    makeUp.Add(date);
            }
        }
        return new WorkingDayTrace(start, days, date, rest, makeUp, pausedRanges, confirmed);
    }

    private static void Extend(List<(DateOnly From, DateOnly To, string? Note)> ranges, DateOnly date, string? note)
    {
        if (ranges.Count > 0 && ranges[^1].To.AddDays(1) == date && ranges[^1].Note == note)
            ranges[^1] = (ranges[^1].From, date, note);
        else
            ranges.Add((date, date, note));
    }


    /// <summary>Working days d with from &lt; d ≤ to.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
                count++;
        }
        return count;
    }

    /// <summary>The statutory holiday of an unconfirmed year the date is, or null.</summary>
    private string? Provisional(DateOnly date) =>
        date.Year is >= 2001 and <= 2099 && !IsConfirmed(date.Year) ? StatutoryHolidays.NoteOf(date) : null;

    private DayOverride? Lookup(DateOnly date)
    {
        for (var i = Layers.Count - 1; i >= 0; i--)
        {
            if (Layers[i].Days.TryGetValue(date, out var day))
                return day;
        }
        return null;
    }

    private static DayKind Weekday(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.RestDay : DayKind.WorkingDay;
}
