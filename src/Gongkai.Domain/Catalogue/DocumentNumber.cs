using System.Text;
using Gongkai.Domain.Text;

namespace Gongkai.Domain.Catalogue;

/// <summary>
/// 文号 (示府规〔2024〕3号) as people type it: with 〔〕, [], 【】 or () around the year, full- or
/// half-width, Traditional or Simplified, with or without spaces. <see cref="Key"/> folds all of
/// these to one form so an exact lookup finds the document however the number was written.
/// </summary>
public static class DocumentNumber
{
    /// <summary>The lookup form, or null for text that cannot be a 文号 (no digit, or too long).</summary>
    public static string? Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100) return null;
        var normal = ChineseText.Normalize(text);
        var sb = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            sb.Append(c switch
            {
                '(' or '[' or '{' or '〈' or '《' => '[',
                ')' or ']' or '}' or '〉' or '》' => ']',
                _ => char.ToUpperInvariant(c),
            });
        }
        var key = sb.Replace("第", "", 0, sb.Length).ToString();
        return key.Any(char.IsAsciiDigit) && key.Length >= 3 ? key : null;
    }
}
