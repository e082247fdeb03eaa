using System.Text;

namespace Gongkai.Reports.Formats.Pdf;

/// <summary>Joins words into the text of a cell or a paragraph the way it was written.</summary>
internal static class TextJoin
{
    /// <summary>
    /// Words in reading order: visual lines top to bottom, words left to right. Two words of one
    /// line are joined by a space only between Latin letters or digits (2021 年 is not split by
    /// a space in Chinese); wrapped lines only between Latin letters (a wrapped 1234 stays whole).
    /// </summary>
    public static string Words(IEnumerable<PdfWord> words)
    {
        var sb = new StringBuilder();
        PdfWord? previous = null;
        foreach (var line in Lines(words))
        {
            var first = true;
            foreach (var w in line.OrderBy(w => w.Box.X0))
            {
                if (previous is not null)
                    Append(sb, w.Text, first ? char.IsAsciiLetter : char.IsAsciiLetterOrDigit);
                else
                    sb.Append(w.Text);
                previous = w;
                first = false;
            }
        }
        return sb.ToString();
    }

    /// <summary>Appends <paramref name="text"/>, with a space when both sides of the join satisfy <paramref name="spaced"/>.</summary>
    public static void Append(StringBuilder sb, string text, Func<char, bool> spaced)
    {
        if (sb.Length > 0 && text.Length > 0 && spaced(sb[^1]) && spaced(text[0]))
            sb.Append(' ');
        sb.Append(text);
    }

    /// <summary>Words grouped into visual lines: a word belongs to a line when its centre is level with the line's.</summary>
    public static List<List<PdfWord>> Lines(IEnumerable<PdfWord> words)
    {
        var lines = new List<List<PdfWord>>();
        foreach (var w in words.OrderBy(w => w.Box.CenterY))
        {
            var line = lines.Count > 0 ? lines[^1] : null;
            if (line is not null && Math.Abs(line.Average(x => x.Box.CenterY) - w.Box.CenterY) <= 0.4 * Math.Max(w.Size, line[0].Size))
                line.Add(w);
            else
                lines.Add([w]);
        }
        return lines;
    }
}
