namespace Gongkai.Domain.Calendar;

/// <summary>
/// One layer of arrangements: the national one from the State Council notices, or a provincial
/// or local one kept by administrators. A layer overrides individual dates and says which years
/// it has confirmed.
/// </summary>
public sealed class CalendarLayer(string name)
{
    private readonly Dictionary<DateOnly, DayOverride> _days = [];
    private readonly Dictionary<int, string> _confirmedYears = [];

    public string Name { get; } = name;

    public IReadOnlyDictionary<DateOnly, DayOverride> Days => _days;

    /// <summary>Years whose arrangements this layer holds, with the source (e.g. 国办发明电〔2024〕12号).</summary>
    public IReadOnlyDictionary<int, string> ConfirmedYears => _confirmedYears;

    public void Set(DateOnly date, DayKind kind, string? note = null) => _days[date] = new DayOverride(kind, note);

    public bool Remove(DateOnly date) => _days.Remove(date);

    public void Confirm(int year, string source) => _confirmedYears[year] = source;
}

/// <summary>A date a layer sets explicitly, with why (春节, 国庆节调休 …).</summary>
public sealed record DayOverride(DayKind Kind, string? Note);
