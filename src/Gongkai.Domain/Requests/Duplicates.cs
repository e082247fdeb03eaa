using Gongkai.Domain.Search;
using Gongkai.Domain.Text;

namespace Gongkai.Domain.Requests;

/// <summary>
/// 重复申请 detection: the same applicant asking again for the same information. Only a warning
/// with links: deciding a request as <see cref="Outcome.Duplicate"/> (第三十六条第（六）项) is the staff's call.
/// </summary>
public static class Duplicates
{
    /// <summary>Information sought this similar (Dice coefficient of the texts' bigrams) or more is "the same".</summary>
    public const double SimilarityThreshold = 0.6;

    /// <summary>The applicant by identity document: 身份证件号码 or 统一社会信用代码, folded; null when none was given.</summary>
    public static string? IdentityKey(string? identityNumber)
    {
        if (string.IsNullOrWhiteSpace(identityNumber))
            return null;
        var folded = new string([.. ChineseText.Normalize(identityNumber).Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
        return folded.Length == 0 ? null : folded;
    }

    /// <summary>The applicant by name and phone: the name without spaces, the phone's digits.</summary>
    public static string ContactKey(string name, string phone) =>
        new string([.. ChineseText.Normalize(name).Where(c => !char.IsWhiteSpace(c))]) + "|" + new string([.. phone.Where(char.IsAsciiDigit)]);

    /// <summary>How alike two descriptions of the information sought are, from 0 to 1, whatever the punctuation, spacing or script.</summary>
    public static double Similarity(string a, string b)
    {
        var x = Tokens(a);
        var y = Tokens(b);
        if (x.Count == 0 || y.Count == 0)
            return 0;
        var shared = x.Count(y.Contains);
        return 2.0 * shared / (x.Count + y.Count);
    }

    public static bool AreSimilar(string a, string b) => Similarity(a, b) >= SimilarityThreshold;

    private static HashSet<string> Tokens(string text) =>
        [.. CjkBigrams.IndexText(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}
