using System.Globalization;
using System.Text.Json;

namespace Gongkai.Domain.Calendar;

/// <summary>
/// The national holiday arrangements 2019–2026 (国务院办公厅关于部分节假日安排的通知), shipped as
/// data (calendar-cn.json, with each year's source) and readable from the same JSON shape.
/// </summary>
public static class NationalCalendar
{
    public const string LayerName = "全国";

    private static readonly Lazy<string> ShippedJson = new(() =>
    {
        using var stream = typeof(NationalCalendar).Assembly.GetManifestResourceStream("Gongkai.calendar-cn.json")
            ?? throw new InvalidOperationException("缺少全国节假日安排数据 calendar-cn.json");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<CalendarLayer> Shipped = new(() => Parse(ShippedJson.Value, LayerName));

    /// <summary>
    /// Each shipped year's notice on its own (a notice may set days of the year before, such as
    /// 2018-12-29 in the 2019 notice), so a stored calendar can take the years it lacks.
    /// </summary>
    public static IReadOnlyDictionary<int, CalendarLayer> ShippedYears => ShippedByYear.Value;

    private static readonly Lazy<IReadOnlyDictionary<int, CalendarLayer>> ShippedByYear = new(() =>
    {
        using var doc = JsonDocument.Parse(ShippedJson.Value);
        var years = new SortedDictionary<int, CalendarLayer>();
        foreach (var year in doc.RootElement.GetProperty("years").EnumerateObject())
        {
            var layer = new CalendarLayer(LayerName);
            ReadYear(layer, year);
            years.Add(int.Parse(year.Name, CultureInfo.InvariantCulture), layer);
        }
        return years;
    });

    /// <summary>The shipped national layer. Callers that edit must copy it (see <see cref="Parse"/>).</summary>
    public static CalendarLayer Layer => Shipped.Value;

    /// <summary>The calendar with only the shipped national arrangements.</summary>
    public static WorkingCalendar Default { get; } = new([Shipped.Value]);

    /// <summary>
    /// Reads arrangements in the shipped shape: per year a source, "off" dates or ranges
    /// (2026-02-15/2026-02-23) that are rest days, and "work" weekend dates that are 调休上班.
    /// </summary>
    public static CalendarLayer Parse(string json, string layerName)
    {
        using var doc = JsonDocument.Parse(json);
        var layer = new CalendarLayer(layerName);
        foreach (var year in doc.RootElement.GetProperty("years").EnumerateObject())
            ReadYear(layer, year);
        return layer;
    }

    private static void ReadYear(CalendarLayer layer, JsonProperty year)
    {
        var y = int.Parse(year.Name, CultureInfo.InvariantCulture);
        var source = year.Value.TryGetProperty("source", out var s) ? s.GetString() ?? "" : "";
        layer.Confirm(y, source);
        foreach (var range in year.Value.GetProperty("off").EnumerateArray())
        {
            var (from, to) = Range(range.GetString()!);
            for (var d = from; d <= to; d = d.AddDays(1))
                layer.Set(d, DayKind.RestDay, "法定节假日");
        }
        foreach (var day in year.Value.GetProperty("work").EnumerateArray())
        {
            var d = DateOnly.ParseExact(day.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            layer.Set(d, d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.MakeUpWorkingDay : DayKind.WorkingDay, "调休上班");
        }
    }

    private static (DateOnly From, DateOnly To) Range(string text)
    {
        var parts = text.Split('/');
        var from = DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = parts.Length > 1 ? DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture) : from;
        return (from, to);
    }
}
