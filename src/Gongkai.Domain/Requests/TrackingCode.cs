using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Domain.Requests;

/// <summary>
/// 查询码: what an applicant without an account keeps to follow a request. Twelve characters from
/// an alphabet without look-alikes (no 0/O, 1/I/L), the last a weighted check character, so a
/// mistyped code is told apart from an unknown one. Printed as XXXX-XXXX-XXXX.
/// </summary>
public static class TrackingCode
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int Length = 12;

    public static string Generate()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length - 1; i++)
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        chars[Length - 1] = Check(chars[..(Length - 1)]);
        return Format(chars);
    }

    /// <summary>Accepts what people type (lower case, full-width, spaces, dashes) and returns the printed form.</summary>
    public static bool TryParse(string? input, out string code)
    {
        code = "";
        if (string.IsNullOrWhiteSpace(input)) return false;
        var folded = new StringBuilder(Length);
        foreach (var raw in input.Normalize(NormalizationForm.FormKC))
        {
            if (raw is '-' or ' ' or '\t') continue;
            var c = char.ToUpperInvariant(raw);
            if (!Alphabet.Contains(c, StringComparison.Ordinal) || folded.Length == Length) return false;
            folded.Append(c);
        }
        if (folded.Length != Length) return false;
        var text = folded.ToString();
        if (Check(text.AsSpan(0, Length - 1)) != text[Length - 1]) return false;
        code = Format(text);
        return true;
    }

    private static char Check(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
            sum += (i + 1) * Alphabet.IndexOf(body[i], StringComparison.Ordinal);
        return Alphabet[sum % Alphabet.Length];
    }

    private static string Format(ReadOnlySpan<char> c) => $"{c[..4]}-{c[4..8]}-{c[8..]}";
}
