using Gongkai.Domain.Text;

namespace Gongkai.Domain.Supervision;

/// <summary>A unit a report may belong to: a registered agency's id and name.</summary>
public sealed record UnitName(int Id, string Name);

/// <summary>
/// Matches the agency printed on a report to one of the supervisor's units. Names are compared in
/// matching form (Simplified, half-width, no spaces); a report often leaves out the city
/// (明德区自然资源局 for 示范市明德区自然资源局) or 人民政府 (深圳市龙岗区), so a name that ends
/// the other counts too, when the shorter name still names a place and exactly one unit fits:
/// an ambiguous name is left for a person to match.
/// </summary>
public static class AgencyNames
{
    private const string Government = "人民政府";

    /// <summary>Shorter tails than this (教育局) name a kind of agency, not one agency.</summary>
    private const int MinimumTail = 5;

    /// <summary>A tail without a place (住房和城乡建设局) fits any region's bureau of that kind.</summary>
    private static readonly char[] Places = ['省', '市', '区', '县', '州', '旗', '盟'];

    public static string Key(string name) => ChineseText.Normalize(name);

    /// <summary>The unit of the first printed name (agency, then publisher) that fits exactly one unit.</summary>
    public static int? Match(IEnumerable<string?> printedNames, IReadOnlyList<UnitName> units)
    {
        var keyed = units.Select(u => (u.Id, Key: Key(u.Name))).ToList();
        foreach (var printed in printedNames)
        {
            if (string.IsNullOrWhiteSpace(printed))
                continue;
            var key = Key(printed);
            string[] forms = key.EndsWith(Government, StringComparison.Ordinal) ? [key] : [key, key + Government];
            var exact = keyed.Where(u => forms.Contains(u.Key, StringComparer.Ordinal)).Select(u => u.Id).Distinct().ToList();
            if (exact.Count == 1)
                return exact[0];
            if (exact.Count > 1)
                continue;
            var tails = keyed.Where(u => forms.Any(f => IsTail(f, u.Key) || IsTail(u.Key, f))).Select(u => u.Id).Distinct().ToList();
            if (tails.Count == 1)
                return tails[0];
        }
        return null;
    }

    private static bool IsTail(string tail, string whole) =>
        tail.Length >= MinimumTail && tail.IndexOfAny(Places) >= 0
        && whole.Length > tail.Length && whole.EndsWith(tail, StringComparison.Ordinal);
}
