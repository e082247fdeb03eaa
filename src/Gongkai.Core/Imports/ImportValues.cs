using System.Globalization;

namespace Gongkai.Core.Imports;

/// <summary>
/// Cells as offices type them: dates as 2026-03-01, 2026/3/1 or 2026年3月1日; times with their
/// offset, or in 北京时间 when they have none; choices by their Chinese label or their code. Each
/// problem is added to the row's reasons in Chinese, and the value is null.
/// </summary>
internal sealed class ImportValues(ImportRow row, List<string> errors)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy年M月d日", "yyyy.M.d"];

    public string Text(string key, string label, int max, bool required = false)
    {
        var value = row[key];
        if (required && value.Length == 0) errors.Add($"请填写{label}");
        else if (value.Length > max) errors.Add(string.Create(CultureInfo.InvariantCulture, $"{label}不能超过{max}个字"));
        return value;
    }

    public string? Optional(string key, string label, int max) => Text(key, label, max) is { Length: > 0 } value ? value : null;

    public DateOnly? Date(string key, string label, bool required = false)
    {
        var value = row[key];
        if (value.Length == 0)
        {
            if (required) errors.Add($"请填写{label}");
            return null;
        }
        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add($"{label}“{value}”不是有效的日期（应为2026-03-01）");
        return null;
    }

    /// <summary>A moment as UTC: ISO 8601 with its offset, or a Beijing date and time, or a date (09:00 北京时间).</summary>
    public DateTime? Moment(string key, string label, bool required = false)
    {
        var value = row[key];
        if (value.Length == 0)
        {
            if (required) errors.Add($"请填写{label}");
            return null;
        }
        if (value.Length > 10 && (value.EndsWith('Z') || value.LastIndexOfAny(['+', '-']) > 10)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
            return moment.UtcDateTime;
        if (DateTime.TryParseExact(value, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy/M/d H:mm"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local))
            return DateTime.SpecifyKind(local - ChinaTime.Offset, DateTimeKind.Utc);
        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return ChinaTime.StartOfDayUtc(day).AddHours(9);
        errors.Add($"{label}“{value}”不是有效的时间（应为2026-03-01T09:30:00+08:00或2026-03-01 09:30）");
        return null;
    }

    public decimal? Amount(string key, string label)
    {
        var value = row[key];
        if (value.Length == 0) return null;
        if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount >= 0) return amount;
        errors.Add($"{label}“{value}”不是有效的金额");
        return null;
    }

    public int? Number(string key, string label)
    {
        var value = row[key];
        if (value.Length == 0) return null;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)) return number;
        errors.Add($"{label}“{value}”不是整数");
        return null;
    }

    /// <summary>An enum value by its code or its Chinese label.</summary>
    public T? Choice<T>(string key, string label, Func<T, string> labelOf, bool required = false, T? otherwise = null) where T : struct, Enum
    {
        var value = row[key];
        if (value.Length == 0)
        {
            if (required && otherwise is null) errors.Add($"请填写{label}");
            return otherwise;
        }
        foreach (var candidate in Enum.GetValues<T>())
            if (string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase) || labelOf(candidate) == value)
                return candidate;
        errors.Add($"{label}“{value}”无效，应为{string.Join("、", Enum.GetValues<T>().Select(labelOf))}之一");
        return null;
    }
}
