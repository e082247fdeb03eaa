namespace Gongkai.Domain.Agencies;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): the 18-character code every government organ holds. Its last
/// character is a check character, so a mistyped code is refused before it reaches an 索引号.
/// </summary>
public static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != 18) return false;
        foreach (var c in code)
            if (!Alphabet.Contains(c, StringComparison.Ordinal)) return false;
        return CheckCharacter(code.AsSpan(0, 17)) == code[17];
    }

    /// <summary>
    /// The 9-character 组织机构代码 (GB 11714) inside a valid credit code (characters 9–17): the
    /// stem of the agency's 索引号, as the national catalogue scheme writes it (014421017/2018-00546).
    /// </summary>
    public static string OrganizationCode(string creditCode) =>
        IsValid(creditCode) ? creditCode.Substring(8, 9) : throw new ArgumentException("统一社会信用代码无效。", nameof(creditCode));

    /// <summary>Appends the check character to the first 17 characters.</summary>
    public static string Complete(string first17)
    {
        if (first17.Length != 17) throw new ArgumentException("需要前17位。", nameof(first17));
        return first17 + CheckCharacter(first17);
    }

    private static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0) throw new ArgumentException($"统一社会信用代码含有无效字符“{first17[i]}”。");
            sum += value * Weights[i];
        }
        return Alphabet[(31 - (sum % 31)) % 31];
    }
}
