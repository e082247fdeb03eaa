using System.Text;
using Gongkai.Domain.Text;

namespace Gongkai.Domain.Search;

/// <summary>
/// Chinese full-text search without a segmenter: runs of Chinese characters are indexed as
/// overlapping bigrams (住房公积金 → 住房 房公 公积 积金), other words and numbers whole and
/// lower-cased, all in Simplified, half-width form. A query becomes a phrase of the same tokens,
/// so it matches exactly where the query text occurs. Both the SQLite FTS5 and the PostgreSQL
/// index store this token text.
/// </summary>
public static class CjkBigrams
{
    /// <summary>The token text to index, tokens separated by single spaces.</summary>
    public static string IndexText(string? text)
    {
        var sb = new StringBuilder();
        foreach (var run in Runs(text))
        {
            foreach (var token in Tokens(run))
            {
                if (sb.Length > 0)
                    sb.Append(' ');
                sb.Append(token);
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// The query as phrases: one list of tokens per run of the query. A single Chinese character
    /// is a prefix term (it may start a bigram); empty when the query has nothing searchable.
    /// </summary>
    public static IReadOnlyList<QueryPhrase> Query(string? query) =>
        [.. Runs(query).Select(run => new QueryPhrase([.. Tokens(run)], IsPrefix: run.Length == 1 && ChineseText.IsCjk(run[0]), run))];

    /// <summary>
    /// One character in the form the index compares: Simplified, half-width, lower case. It keeps
    /// the text's length, so a match found in folded text is at the same place in the original.
    /// </summary>
    public static char FoldChar(char c) => char.ToLowerInvariant(ChineseText.Fold(c));

    private static IEnumerable<string> Tokens(string run)
    {
        if (!ChineseText.IsCjk(run[0]) || run.Length == 1)
        {
            yield return run;
            yield break;
        }
        for (var i = 0; i + 1 < run.Length; i++)
            yield return run.Substring(i, 2);
    }

    /// <summary>Maximal runs of Chinese characters, or of letters and digits.</summary>
    private static IEnumerable<string> Runs(string? text)
    {
        if (string.IsNullOrEmpty(text))
            yield break;
        var folded = ChineseText.ToSimplified(text);
        var sb = new StringBuilder();
        var cjkRun = false;
        foreach (var raw in folded)
        {
            var c = FoldChar(raw);
            var cjk = ChineseText.IsCjk(c);
            var word = char.IsLetterOrDigit(c) && !cjk;
            if (sb.Length > 0 && (!(cjk || word) || cjk != cjkRun))
            {
                yield return sb.ToString();
                sb.Clear();
            }
            if (cjk || word)
            {
                sb.Append(c);
                cjkRun = cjk;
            }
        }
        if (sb.Length > 0)
            yield return sb.ToString();
    }
}

/// <summary>
/// Tokens that must occur consecutively; a prefix phrase matches tokens starting with its one
/// token. <paramref name="Text"/> is the run of the query they came from, folded, for highlighting.
/// </summary>
public sealed record QueryPhrase(IReadOnlyList<string> Tokens, bool IsPrefix, string Text);
