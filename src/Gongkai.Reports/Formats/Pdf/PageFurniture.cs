using System.Text.RegularExpressions;
using Gongkai.Domain.Text;
using Gongkai.Reports.Reading;

namespace Gongkai.Reports.Formats.Pdf;

/// <summary>
/// Running headers, footers and page numbers, in the top or bottom margin band of a page: a page
/// marker (- 3 -, 第3页 共8页, 3/8); a lone number with nothing else at its height; a line of words
/// that repeats on several pages at the same height (a report title, a browser's date and
/// address). They are dropped before anything else so that a page number never lands in a
/// table. A figure is never taken for furniture just because it repeats: rows of a table
/// continued on the next page start at the same height.
/// </summary>
internal static partial class PageFurniture
{
    /// <summary>The share of the page height, at top and at bottom, where furniture may sit.</summary>
    private const double Band = 0.12;

    public static HashSet<int> Find(List<PdfPage> pages)
    {
        var furniture = new HashSet<int>();
        var repeated = new Dictionary<(string Text, bool Top, int Y), HashSet<int>>();
        foreach (var page in pages)
        {
            foreach (var line in page.Lines)
            {
                if (Zone(page, line) is not { } top)
                    continue;
                var text = Text(line);
                if (ValueParser.IsPageMarker(text) || LoneNumber().IsMatch(text) && Alone(page, line))
                    furniture.Add(line.Id);
                if (ValueParser.IsFigure(text))
                    continue;
                var key = Key(line, text, top);
                if (!repeated.TryGetValue(key, out var onPages))
                    repeated[key] = onPages = [];
                onPages.Add(page.Number);
            }
        }
        foreach (var page in pages)
        {
            foreach (var line in page.Lines)
            {
                if (Zone(page, line) is { } top && Text(line) is var text && !ValueParser.IsFigure(text) && repeated[Key(line, text, top)].Count >= 2)
                    furniture.Add(line.Id);
            }
        }
        return furniture;
    }

    /// <summary>True in the top band, false in the bottom band, null in the body of the page.</summary>
    private static bool? Zone(PdfPage page, PdfLine line)
    {
        if (line.Box.Y1 <= page.Height * Band)
            return true;
        if (line.Box.Y0 >= page.Height * (1 - Band))
            return false;
        return null;
    }

    /// <summary>Page numbers differ from page to page: digits are left out of the comparison.</summary>
    private static (string, bool, int) Key(PdfLine line, string text, bool top) =>
        (Digits().Replace(text, "#"), top, (int)Math.Floor(line.Box.CenterY / 4));

    private static string Text(PdfLine line) => ChineseText.Normalize(string.Join(" ", line.Words.Select(w => w.Text)));

    /// <summary>No other line shares the line's height: a figure of a table row never is alone.</summary>
    private static bool Alone(PdfPage page, PdfLine line) =>
        page.Lines.All(other => other == line || Math.Abs(other.Box.CenterY - line.Box.CenterY) > line.Box.Height / 2);

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^\d{1,4}$")]
    private static partial Regex LoneNumber();
}
