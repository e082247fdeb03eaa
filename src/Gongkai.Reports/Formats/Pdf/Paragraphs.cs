using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Reports.Formats.Pdf;

/// <summary>A paragraph of running text, or a heading, and where it starts on the page.</summary>
internal sealed record Paragraph(string Text, Box Box);

/// <summary>
/// Rebuilds paragraphs from poppler's blocks: the wrapped lines of a paragraph are joined into
/// one; a new paragraph starts after a line that stops short of the block's right edge, at an
/// indented first line, or at a numbered heading after a finished sentence.
/// </summary>
internal static partial class Paragraphs
{
    public static List<Paragraph> Build(IEnumerable<PdfLine> lines)
    {
        var result = new List<Paragraph>();
        foreach (var block in lines.GroupBy(l => l.Block))
        {
            var list = block.ToList();
            var left = list.Min(l => l.Box.X0);
            var right = list.Max(l => l.Box.X1);
            var sb = new StringBuilder();
            Box? box = null;
            PdfLine? previous = null;
            foreach (var line in list)
            {
                var size = Median(line.Words.Select(w => w.Size));
                var text = TextJoin.Words(line.Words);
                if (previous is not null && (previous.Box.X1 < right - 2 * size
                                             || line.Box.X0 > left + 1.5 * size
                                             || EndsSentence(sb) && Heading().IsMatch(text)))
                {
                    result.Add(new Paragraph(sb.ToString(), box!.Value));
                    sb.Clear();
                    box = null;
                }
                TextJoin.Append(sb, text, char.IsAsciiLetter);
                box = box?.Union(line.Box) ?? line.Box;
                previous = line;
            }
            if (sb.Length > 0)
                result.Add(new Paragraph(sb.ToString(), box!.Value));
        }
        return result;
    }

    private static bool EndsSentence(StringBuilder sb) => sb.Length > 0 && sb[^1] is '。' or '；' or '：' or ';' or ':' or '！' or '？';

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 10 : sorted[sorted.Count / 2];
    }

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．])")]
    private static partial Regex Heading();
}
