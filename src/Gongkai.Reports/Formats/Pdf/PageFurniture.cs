using System.Text.RegularExpressions;
using Gongkai.Domain.Text;
using Gongkai.Reports.Reading;

namespace Gongkai.Reports.Formats.Pdf;

/// <summary>
/// Running headers, footers and page numbers: lines in the top or bottom margin band that are a
/// page number (- 3 -, 第3页 共8页, 3/8, a lone number) or that repeat on several pages at the same
/// height (a report title or a browser's date and address). They are dropped before anything else
/// so that a page number never lands in a table.
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
                if (IsPageNumber(text))
                    furniture.Add(line.Id);
                var key = (Digits().Replace(text, "#"), top, (int)Math.Round(line.Box.CenterY / 4));
                if (!repeated.TryGetValue(key, out var onPages))
                    repeated[key] = onPages = [];
                onPages.Add(page.Number);
            }
        }
        foreach (var page in pages)
        {
            foreach (var line in page.Lines)
            {
                if (Zone(page, line) is { } top
                    && repeated[(Digits().Replace(Text(line), "#"), top, (int)Math.Round(line.Box.CenterY / 4))].Count >= 2)
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

    private static string Text(PdfLine line) => ChineseText.Normalize(string.Join(" ", line.Words.Select(w => w.Text)));

    private static bool IsPageNumber(string norm) =>
        ValueParser.IsPageMarker(norm) || LoneNumber().IsMatch(norm);

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(?:\d{1,4}|(?i:page)?\d{1,4}(?:/\d{1,4})?|第\d{1,4}页.*)$")]
    private static partial Regex LoneNumber();
}
