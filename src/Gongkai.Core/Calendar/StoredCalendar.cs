using Gongkai.Domain.Calendar;

namespace Gongkai.Core.Calendar;

/// <summary>
/// A stored layer of the working-day calendar: the national one (no agency; seeded from the shipped
/// State Council notices, then kept by administrators) or a provincial or local one attached to an
/// agency, which applies to that agency and every agency below it.
/// </summary>
public sealed class StoredCalendarLayer
{
    public int Id { get; set; }
    public int? AgencyId { get; set; }
    public required string Name { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<StoredCalendarDay> Days { get; set; } = [];
    public List<StoredCalendarYear> Years { get; set; } = [];

    public bool IsNational => AgencyId is null;

    public CalendarLayer ToLayer()
    {
        var layer = new CalendarLayer(Name);
        foreach (var day in Days)
            layer.Set(day.Date, day.Kind, day.Note);
        foreach (var year in Years)
            layer.Confirm(year.Year, year.Source);
        return layer;
    }
}

/// <summary>A date the layer sets: a holiday, a weekday moved into one, or a 调休上班 weekend day.</summary>
public sealed class StoredCalendarDay
{
    public int LayerId { get; set; }
    public DateOnly Date { get; set; }
    public DayKind Kind { get; set; }
    public string? Note { get; set; }
}

/// <summary>A year whose arrangements the layer holds, with the notice that announced them.</summary>
public sealed class StoredCalendarYear
{
    public int LayerId { get; set; }
    public int Year { get; set; }
    public required string Source { get; set; }
}
