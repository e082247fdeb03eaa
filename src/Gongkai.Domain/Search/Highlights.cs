using Gongkai.Domain.Text;

namespace Gongkai.Domain.Search;

/// <summary>A piece of a snippet: plain text, or a place where the query matched.</summary>
public readonly record struct TextSegment(string Text, bool Marked);

/// <summary>
/// Marks where a query's phrases occur in the original text (not the index's token text), so a
/// result shows the words the reader typed highlighted in the document's own characters, in
/// Traditional or full-width form if that is how the document wrote them.
/// </summary>
public static class Highlights
{
    /// <summary>Where any phrase occurs, in order and merged where they touch.</summary>
    public static IReadOnlyList<(int Start, int Length)> Find(string text, IReadOnlyList<QueryPhrase> phrases)
    {
        if (text.Length == 0 || phrases.Count == 0) return [];
        var folded = string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = CjkBigrams.FoldChar(source[i]);
        });
        var found = new List<(int Start, int End)>();
        foreach (var phrase in phrases)
        {
            var needle = phrase.Text;
            var wholeWord = !ChineseText.IsCjk(needle[0]);
            for (var at = folded.IndexOf(needle, StringComparison.Ordinal); at >= 0;
                 at = folded.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
            {
                // Letters and digits are indexed as whole words: "ab" does not match inside "abc".
                if (wholeWord && (IsWordChar(folded, at - 1) || IsWordChar(folded, at + needle.Length))) continue;
                found.Add((at, at + needle.Length));
            }
        }
        found.Sort();
        var merged = new List<(int Start, int Length)>();
        var (start, end) = (-1, -1);
        foreach (var (s, e) in found)
        {
            if (s <= end)
            {
                end = Math.Max(end, e);
                continue;
            }
            if (start >= 0) merged.Add((start, end - start));
            (start, end) = (s, e);
        }
        if (start >= 0) merged.Add((start, end - start));
        return merged;
    }

    /// <summary>
    /// About <paramref name="length"/> characters of <paramref name="text"/> around its first match,
    /// whitespace collapsed, with every match in it marked; the opening of the text when nothing matches.
    /// </summary>
    public static IReadOnlyList<TextSegment> Snippet(string text, IReadOnlyList<QueryPhrase> phrases, int length = 120)
    {
        var flat = ChineseText.CollapseWhitespace(text);
        if (flat.Length == 0) return [];
        var matches = Find(flat, phrases);
        var from = matches.Count == 0 ? 0 : Math.Max(0, Math.Min(matches[0].Start - length / 4, flat.Length - length));
        var to = Math.Min(flat.Length, from + length);
        var segments = new List<TextSegment>();
        var at = from;
        foreach (var (start, len) in matches)
        {
            if (start + len <= from) continue;
            if (start >= to) break;
            var s = Math.Max(start, from);
            var e = Math.Min(start + len, to);
            if (s > at) segments.Add(new TextSegment(flat[at..s], false));
            segments.Add(new TextSegment(flat[s..e], true));
            at = e;
        }
        if (at < to) segments.Add(new TextSegment(flat[at..to], false));
        if (from > 0) segments.Insert(0, new TextSegment("…", false));
        if (to < flat.Length) segments.Add(new TextSegment("…", false));
        return segments;
    }

    /// <summary>The whole text, with every match marked (a title in a result list).</summary>
    public static IReadOnlyList<TextSegment> Mark(string text, IReadOnlyList<QueryPhrase> phrases)
    {
        var segments = new List<TextSegment>();
        var at = 0;
        foreach (var (start, length) in Find(text, phrases))
        {
            if (start > at) segments.Add(new TextSegment(text[at..start], false));
            segments.Add(new TextSegment(text.Substring(start, length), true));
            at = start + length;
        }
        if (at < text.Length) segments.Add(new TextSegment(text[at..], false));
        return segments;
    }

    private static bool IsWordChar(string text, int index) =>
        index >= 0 && index < text.Length && char.IsLetterOrDigit(text[index]) && !ChineseText.IsCjk(text[index]);
}
