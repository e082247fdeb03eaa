using Gongkai.Core.Catalogue;
using Gongkai.Domain.Catalogue;
using Gongkai.Domain.Search;

namespace Gongkai.Web.Pages.Staff.Documents;

/// <summary>A match of the 错敏词 check with the words around it, as the check panel lists it.</summary>
public sealed record WordHit(string Before, string Word, string After, WordEntry Entry);

/// <summary>One checked text: its matches in context, and the whole text with every match marked.</summary>
public sealed record WordCheckView(WordCheckSource Source, IReadOnlyList<WordHit> Hits, IReadOnlyList<TextSegment> Marked)
{
    private const int Context = 18;

    public static WordCheckView For(WordCheckSource source)
    {
        var text = source.Text;
        var hits = source.Matches.Select(m => new WordHit(
            (m.Index > Context ? "…" : "") + text[Math.Max(0, m.Index - Context)..m.Index].ReplaceLineEndings(" "),
            text.Substring(m.Index, m.Length),
            text[(m.Index + m.Length)..Math.Min(text.Length, m.Index + m.Length + Context)].ReplaceLineEndings(" ") + (m.Index + m.Length + Context < text.Length ? "…" : ""),
            m.Entry)).ToList();
        var marked = new List<TextSegment>();
        var at = 0;
        foreach (var m in source.Matches)
        {
            if (m.Index > at) marked.Add(new TextSegment(text[at..m.Index], false));
            marked.Add(new TextSegment(text.Substring(m.Index, m.Length), true));
            at = m.Index + m.Length;
        }
        if (at < text.Length) marked.Add(new TextSegment(text[at..], false));
        return new WordCheckView(source, hits, marked);
    }
}
