using System.Globalization;

namespace Gongkai.Domain.Letters;

/// <summary>
/// 文号 of a letter as official documents print it (GB/T 9704—2012 7.2.4): the agency's prefix,
/// the year in hexagonal brackets 〔〕, the number without leading zeros, and 号 —
/// 示府办依复〔2026〕12号.
/// </summary>
public static class LetterNumber
{
    public const int MaxPrefixLength = 20;

    public static string Format(string prefix, int year, int serial) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}〔{year}〕{serial}号");

    /// <summary>Why <paramref name="prefix"/> cannot be a series' prefix, or null: 2 to 20 Chinese characters, letters or digits.</summary>
    public static string? PrefixRefusal(string prefix)
    {
        if (prefix.Length is < 2 or > MaxPrefixLength)
            return $"文号前缀应为2至{MaxPrefixLength}个字，如“示府办依复”。";
        if (!prefix.All(c => IsHan(c) || char.IsAsciiLetterOrDigit(c)))
            return "文号前缀只能由汉字、字母和数字组成；年份、六角括号〔〕和“号”由系统添加。";
        if (prefix.EndsWith('号'))
            return "文号前缀不要以“号”结尾；年份、六角括号〔〕和“号”由系统添加。";
        return null;
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
