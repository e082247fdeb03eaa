using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Domain.Catalogue;

/// <summary>
/// 索引号: the agency's organisation code, the year, and a serial that is never reused —
/// <c>014421017/2018-00546</c>. Serials are allocated per agency and year by storage.
/// </summary>
public readonly partial record struct IndexNumber(string OrganizationCode, int Year, int Serial)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{OrganizationCode}/{Year:0000}-{Serial:00000}");

    public static bool TryParse(string? text, out IndexNumber number)
    {
        var m = Pattern().Match(text?.Trim() ?? "");
        number = m.Success
            ? new IndexNumber(m.Groups["org"].Value, int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups["serial"].Value, CultureInfo.InvariantCulture))
            : default;
        return m.Success;
    }

    /// <summary>An organisation code usable in 索引号: letters and digits, as 统一社会信用代码 or the older 组织机构代码.</summary>
    public static bool IsValidOrganizationCode(string? code) => code is not null && OrgCode().IsMatch(code);

    [GeneratedRegex(@"^(?<org>[0-9A-Z]{6,18})/(?<year>\d{4})-(?<serial>\d{5,})$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^[0-9A-Z]{6,18}$")]
    private static partial Regex OrgCode();
}
