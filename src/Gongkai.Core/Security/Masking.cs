namespace Gongkai.Core.Security;

/// <summary>
/// Personal data as lists show it: enough to tell records apart, not enough to identify a person.
/// Showing the full value is a separate, audited act (<see cref="Audit.AuditLog.PersonalDataViewedAsync"/>).
/// </summary>
public static class Masking
{
    /// <summary>身份证号: 110101199003074518 → 110***********4518.</summary>
    public static string IdNumber(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var v = value.Trim();
        return v.Length <= 7 ? new string('*', v.Length) : v[..3] + new string('*', v.Length - 7) + v[^4..];
    }

    /// <summary>手机号 13812345678 → 138****5678; landlines keep area code and extension: 0571-87654321-801 → 0571-****4321-801.</summary>
    public static string Phone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var v = value.Trim();
        var parts = v.Split('-');
        if (parts.Length > 1 && parts.All(p => p.Length > 0))
        {
            parts[1] = KeepLastFour(parts[1], keepStart: 0);
            return string.Join('-', parts);
        }
        return KeepLastFour(v, keepStart: v.Length >= 11 ? 3 : 0);
    }

    /// <summary>
    /// 姓名或名称: a person keeps the surname (张三 → 张*), an organisation its first two and last two
    /// characters (示范科技有限公司 → 示范****公司).
    /// </summary>
    public static string Name(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var v = value.Trim();
        if (v.Length <= 1) return "*";
        return v.Length <= 4 ? v[0] + new string('*', v.Length - 1) : v[..2] + new string('*', v.Length - 4) + v[^2..];
    }

    private static string KeepLastFour(string v, int keepStart) =>
        v.Length <= 4 ? new string('*', v.Length) : v[..keepStart] + new string('*', v.Length - keepStart - 4) + v[^4..];

    private static readonly string[] DivisionSuffixes = ["街道", "省", "市", "区", "县", "旗", "镇", "乡"];
    private static readonly string[] StreetMarkers = ["路", "大街", "大道", "巷", "弄", "号", "小区", "村", "组"];

    /// <summary>
    /// 住址 keeps its administrative divisions and hides the rest: 浙江省杭州市西湖区文三路100号 → 浙江省杭州市西湖区****.
    /// Divisions are looked for only before the street part (a road, a number, a 小区), so 小区 is never taken for a district.
    /// </summary>
    public static string Address(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var v = value.Trim();
        var streetStart = v.IndexOfAny("0123456789０１２３４５６７８９".ToCharArray());
        if (streetStart < 0) streetStart = v.Length;
        foreach (var marker in StreetMarkers)
        {
            var at = v.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0) streetStart = Math.Min(streetStart, at);
        }
        var divisions = v[..streetStart];
        var keep = 0;
        foreach (var suffix in DivisionSuffixes)
        {
            var at = divisions.LastIndexOf(suffix, StringComparison.Ordinal);
            if (at >= 0) keep = Math.Max(keep, at + suffix.Length);
        }
        if (keep == 0 || keep >= v.Length) keep = Math.Min(6, v.Length / 2);
        return v[..keep] + "****";
    }
}
