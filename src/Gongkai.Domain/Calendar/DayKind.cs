namespace Gongkai.Domain.Calendar;

/// <summary>What a date is for the statutory clock.</summary>
public enum DayKind
{
    /// <summary>工作日: an ordinary Monday–Friday.</summary>
    WorkingDay,

    /// <summary>休息日: a weekend day or a public holiday (including weekdays moved into a holiday).</summary>
    RestDay,

    /// <summary>调休上班: a Saturday or Sunday that is a working day.</summary>
    MakeUpWorkingDay,
}

public static class DayKinds
{
    public static bool IsWorking(this DayKind kind) => kind != DayKind.RestDay;

    public static string Label(DayKind kind) => kind switch
    {
        DayKind.WorkingDay => "工作日",
        DayKind.RestDay => "休息日",
        DayKind.MakeUpWorkingDay => "调休上班日",
    };
}
