using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Reports.Formats;

/// <summary>
/// How deeply an HTML text nests its elements, measured on the raw tags before any parser sees
/// them. An HTML parser checks the elements in scope at every tag, so hundreds of thousands of
/// nested elements take it minutes; browsers stop nesting at a few hundred levels, and no page of
/// a report comes near that. Elements whose end tag may be left out (p, li, td, tr …) and void
/// elements are not counted, so a page of unclosed paragraphs is never taken for a deep one.
/// </summary>
internal static partial class HtmlDepth
{
    public const int Max = 512;

    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "option", "optgroup", "rb", "rt", "rp",
        "br", "img", "input", "meta", "link", "hr", "col", "area", "base", "embed", "param", "source", "track", "wbr",
        "html", "head", "body",
    };

    /// <summary>Refuses HTML nested deeper than <see cref="Max"/>, with a Chinese message.</summary>
    public static void Check(string html)
    {
        var depth = 0;
        foreach (Match m in Tag().Matches(html))
        {
            if (Uncounted.Contains(m.Groups["name"].Value) || m.Groups["self"].Success)
                continue;
            depth = m.Groups["close"].Success ? Math.Max(0, depth - 1) : depth + 1;
            if (depth > Max)
                throw new ReportReadException(string.Create(CultureInfo.InvariantCulture,
                    $"网页的元素嵌套超过 {Max} 层，不是正常的网页（可能是恶意构造的文件），已拒绝读取"));
        }
    }

    [GeneratedRegex(@"<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9]*)\b[^<>]*?(?<self>/)?>")]
    private static partial Regex Tag();
}
