using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Reports.Formats.Pdf;

/// <summary>
/// A paragraph of running text, or a heading, and where it is on the page. <see cref="RunsOn"/>:
/// its last line runs to the right margin without ending a sentence, so the next page may go on
/// with it. <see cref="Indented"/>: its first line is indented, so it starts a paragraph.
/// </summary>
internal sealed record Paragraph(string Text, Box Box, double Size, bool RunsOn, bool Indented);

/// <summary>The left and right edges of the running text: where lines start and where a full line ends.</summary>
internal readonly record struct TextArea(double Left, double Right);

/// <summary>
/// Rebuilds paragraphs from a page's lines in reading order, against the text area (the edges
/// the lines keep to). Producers differ in how poppler groups their lines into blocks
/// (LibreOffice gives each line a block of its own), so blocks are not trusted: a line continues
/// the paragraph above when that one ran to the right margin, the line is neither indented past
/// it nor at the first-line indent again after a finished sentence, and it sits close below in
/// the same size. A title wrapped over two centred lines in a larger size is one paragraph too.
/// A numbered heading after a finished sentence always starts anew.
/// </summary>
internal static partial class Paragraphs
{
    public static List<Paragraph> Build(IEnumerable<PdfLine> lines, double pageWidth, TextArea area)
    {
        var list = lines.ToList();
        var result = new List<Paragraph>();
        if (list.Count == 0)
            return result;
        var (left, right) = area;
        var body = Median(list.Select(Size));
        var sb = new StringBuilder();
        PdfLine? first = null;
        PdfLine? previous = null;
        var box = default(Box);
        void Close()
        {
            var size = Size(first!);
            result.Add(new Paragraph(sb.ToString(), box, size,
                RunsOn: previous!.Box.X1 >= right - 2 * size && !EndsSentence(sb),
                Indented: first!.Box.X0 > left + 1.5 * size));
            sb.Clear();
        }

        foreach (var line in list)
        {
            var text = TextJoin.Words(line.Words);
            if (previous is not null && !Continues(previous, line, sb, text, left, right, body, pageWidth))
                Close();
            if (sb.Length == 0)
            {
                first = line;
                box = line.Box;
            }
            TextJoin.Append(sb, text, char.IsAsciiLetter);
            box = box.Union(line.Box);
            previous = line;
        }
        Close();
        return result;
    }

    private static bool Continues(PdfLine previous, PdfLine line, StringBuilder sb, string text, double left, double right, double body, double pageWidth)
    {
        var size = Size(line);
        var below = line.Box.CenterY - previous.Box.CenterY;
        if (Math.Abs(Size(previous) - size) > 0.15 * size || below <= 0.3 * size || below > 2.3 * size)
            return false;
        if (EndsSentence(sb) && Heading().IsMatch(text))
            return false;
        var ranToMargin = previous.Box.X1 >= right - 2 * size;
        var indented = line.Box.X0 > previous.Box.X0 + 1.5 * size;
        // The lines after a paragraph's indented first line go back to the left edge: a line
        // that starts at the indent again, after a finished sentence, starts the next paragraph
        // (one-line paragraphs one after another).
        var indentedAgain = previous.Box.X0 > left + 1.5 * size && Math.Abs(line.Box.X0 - previous.Box.X0) < 0.5 * size && EndsSentence(sb);
        if (ranToMargin && !indented && !indentedAgain)
            return true;
        return size > 1.2 * body && !EndsSentence(sb) && Centred(previous, pageWidth, size) && Centred(line, pageWidth, size);
    }

    private static bool Centred(PdfLine line, double pageWidth, double size) => Math.Abs(line.Box.CenterX - pageWidth / 2) < size;

    /// <summary>
    /// The type size of a line: the median over its characters, so that a short word whose width
    /// says little (a quote mark printed full or half width, 碼“三碼關聯”) does not decide it.
    /// </summary>
    private static double Size(PdfLine line) => Median(line.Words.SelectMany(w => Enumerable.Repeat(w.Size, w.Text.Length)));

    private static bool EndsSentence(StringBuilder sb) => sb.Length > 0 && sb[^1] is '。' or '；' or '：' or ';' or ':' or '！' or '？';

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 10 : sorted[sorted.Count / 2];
    }

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．])")]
    private static partial Regex Heading();
}
