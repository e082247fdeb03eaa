using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Domain.Text;
using Gongkai.Reports.Reading;

namespace Gongkai.Reports.Formats;

/// <summary>
/// The text a reader sees in a paragraph: runs in order, tracked insertions kept and deletions
/// dropped, field codes and hidden text dropped, tabs as spaces. Soft line breaks come out as
/// '\n' and page or column breaks as '\f', for <see cref="Lines"/> to decide where to split.
/// </summary>
internal static class DocxText
{
    public const char LineBreak = '\n';
    public const char PageBreak = '\f';

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static string Of(OpenXmlElement element)
    {
        var sb = new StringBuilder();
        Append(element, sb);
        return sb.ToString();
    }

    private static void Append(OpenXmlElement element, StringBuilder sb)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Text text:
                    sb.Append(text.Text);
                    break;
                // Text a generator placed where the schema has no room for it (w:t straight in
                // w:p) is loaded as an unknown element; Word still shows it.
                case OpenXmlUnknownElement { LocalName: "t" } unknown when unknown.NamespaceUri == WordNamespace:
                    sb.Append(unknown.InnerText);
                    break;
                case TabChar or PositionalTab:
                    sb.Append(' ');
                    break;
                case Break { Type.Value: BreakValues.Page or BreakValues.Column }:
                    sb.Append(PageBreak);
                    break;
                case Break or CarriageReturn:
                    sb.Append(LineBreak);
                    break;
                case NoBreakHyphen:
                    sb.Append('-');
                    break;
                case Run run when IsHidden(run):
                    break;
                // Deleted and moved-away text, field instructions (PAGE, TOC \o …), pinyin over
                // ruby text, and drawings: none of it is read as the report's text. Drawings hold
                // text boxes whose text would land in the middle of the paragraph, twice when a
                // fallback copy is stored alongside.
                case DeletedRun or MoveFromRun or DeletedText or FieldCode or DeletedFieldCode or RubyContent
                    or Drawing or Picture or EmbeddedObject or AlternateContent
                    or ParagraphProperties or RunProperties:
                    break;
                default:
                    Append(child, sb);
                    break;
            }
        }
    }

    private static bool IsHidden(Run run) =>
        run.RunProperties?.Vanish is { } vanish && (vanish.Val is null || vanish.Val.Value);

    /// <summary>
    /// Splits a paragraph at its breaks. A page break always splits. A soft line break splits
    /// only where it ends a sentence or separates a numbered heading from what follows; elsewhere
    /// it is a manual wrap (a long title broken over two lines) and the parts are joined.
    /// </summary>
    public static IEnumerable<(string Text, bool NearPageBreak)> Lines(string text)
    {
        var pages = text.Split(PageBreak);
        for (var p = 0; p < pages.Length; p++)
        {
            var lines = JoinWraps(pages[p]);
            for (var i = 0; i < lines.Count; i++)
                yield return (lines[i], i == 0 && p > 0 || i == lines.Count - 1 && p < pages.Length - 1);
        }
    }

    private static List<string> JoinWraps(string text)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var part in text.Split(LineBreak))
        {
            var before = current.ToString().TrimEnd();
            var after = part.Trim();
            if (before.Length > 0 && after.Length > 0)
            {
                if (SplitsBetween(before, after))
                {
                    lines.Add(before);
                    current.Clear();
                }
                else if (!IsWide(before[^1]) && !IsWide(after[0]))
                    current.Append(' ');
            }
            current.Append(after);
        }
        lines.Add(current.ToString());
        return lines;
    }

    private static bool SplitsBetween(string before, string after) =>
        "。！？；：!?;:".Contains(before[^1], StringComparison.Ordinal)
        || IsNumbered(after)
        || IsNumbered(before) && before.Length <= 40;

    /// <summary>Starts with outline numbering: 一、 （一） 1. ①.</summary>
    private static bool IsNumbered(string text)
    {
        var norm = ChineseText.Normalize(text);
        return LabelMatcher.Bare(norm).Length < norm.Length;
    }

    /// <summary>Chinese characters and punctuation, which are written without spaces between them.</summary>
    private static bool IsWide(char c) => c >= '\u2E80';
}
