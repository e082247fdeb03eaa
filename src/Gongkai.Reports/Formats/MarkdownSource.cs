using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Gongkai.Domain.Reports;
using Gongkai.Reports.Reading;

namespace Gongkai.Reports.Formats;

/// <summary>
/// A report converted to Markdown, the form extraction tools and language-model pipelines hand
/// on: headings (# and underlined), pipe tables without their delimiter rows, HTML fragments (a
/// table with spans, a line break) read as HTML, emphasis, links and escapes reduced to their
/// text, images, comments and separators left out. Every other line is read as plain text is;
/// page footers (— 3 —) are page markers like anywhere else.
/// </summary>
public static partial class MarkdownSource
{
    /// <summary>An HTML block longer than this is not a fragment of a report: the rest is read as lines.</summary>
    private const int MaxHtmlLines = 4000;

    public static SourceDocument Read(string text)
    {
        var document = new SourceDocument("markdown");
        var lines = TextSource.Lines(text);
        var fenced = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var place = new CellSource { Line = i + 1 };
            if (Fence().IsMatch(line))
            {
                fenced = !fenced;
                continue;
            }
            if (!fenced && HtmlBlockEnd(lines, i) is { } end)
            {
                ReadHtml(document, string.Join('\n', lines[i..(end + 1)]), place);
                i = end;
                continue;
            }
            if (!fenced && (DelimiterRow().IsMatch(line) || Separator().IsMatch(line) || IsShortDelimiterRow(lines, i)))
                continue;
            TextSource.AddLine(document, fenced ? line : Plain(line), place, pageBreak: false);
        }
        return document;
    }

    /// <summary>
    /// A delimiter row written with fewer than three dashes (|-|:-:|) is one only right under a
    /// table's first row: elsewhere a row of hyphens is a row of empty marks.
    /// </summary>
    private static bool IsShortDelimiterRow(string[] lines, int i) =>
        i > 0 && ShortDelimiterRow().IsMatch(lines[i]) && lines[i - 1].Contains('|', StringComparison.Ordinal)
        && (i < 2 || !lines[i - 2].Contains('|', StringComparison.Ordinal));

    /// <summary>
    /// Whether the text is Markdown rather than plain text: a heading line (# …) or a pipe table's
    /// delimiter row (|---|---|) among its first lines. A page that starts with a tag is HTML.
    /// </summary>
    public static bool Looks(ReadOnlySpan<char> probe)
    {
        if (probe.TrimStart().StartsWith('<'))
            return false;
        foreach (var range in probe.Split('\n'))
        {
            var line = probe[range];
            if (AtxHeading().IsMatch(line) || DelimiterRow().IsMatch(line))
                return true;
        }
        return false;
    }

    /// <summary>The line of text a Markdown line shows: no heading marks, quote marks, bullets, emphasis, links, tags or escapes.</summary>
    internal static string Plain(string line)
    {
        var t = AtxHeading().Replace(line, "");
        t = TrailingHashes().Replace(t, "");
        t = Quote().Replace(t, "");
        t = Bullet().Replace(t, "");
        if (t.Contains('[', StringComparison.Ordinal))
        {
            t = Image().Replace(t, "");
            t = Link().Replace(t, "$1");
        }
        if (t.Contains('<', StringComparison.Ordinal))
        {
            t = LineBreakTag().Replace(t, " ");
            t = Tag().Replace(t, "");
        }
        // An escaped pipe inside a table cell is text, not a column: the full-width bar keeps it one cell.
        t = t.Replace("\\|", "｜", StringComparison.Ordinal);
        t = Emphasis().Replace(t, "");
        t = Escape().Replace(t, "$1");
        return t.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(t) : t;
    }

    /// <summary>
    /// The last line of an HTML block starting at line <paramref name="start"/>: a table runs to
    /// the line that closes it, a comment to its end, any other block to the next blank line.
    /// Null when the line does not start an HTML block.
    /// </summary>
    private static int? HtmlBlockEnd(string[] lines, int start)
    {
        var m = HtmlBlockStart().Match(lines[start]);
        if (!m.Success)
            return null;
        var last = Math.Min(lines.Length, start + MaxHtmlLines) - 1;
        if (m.Groups["comment"].Success)
        {
            for (var i = start; i <= last; i++)
            {
                if (lines[i].Contains("-->", StringComparison.Ordinal))
                    return i;
            }
            return last;
        }
        var table = m.Groups["tag"].Value.Equals("table", StringComparison.OrdinalIgnoreCase);
        var open = 0;
        for (var i = start; i <= last; i++)
        {
            if (table)
            {
                open += TableOpen().Count(lines[i]) - TableClose().Count(lines[i]);
                if (open <= 0)
                    return i;
            }
            else if (i > start && lines[i].Trim().Length == 0)
                return i - 1;
        }
        return last;
    }

    private static void ReadHtml(SourceDocument document, string html, CellSource place)
    {
        if (html.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
            return;
        HtmlDepth.Check(html);
        using var fragment = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        if (fragment.Body is { } body)
            new HtmlBlocks(document, place).Read(body);
    }

    [GeneratedRegex(@"^\s{0,3}(?:```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s{0,3}#{1,6}(?!#)\s*")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"\s+#+\s*$")]
    private static partial Regex TrailingHashes();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$|^\s*\|\s*:?-{3,}:?\s*\|\s*$")]
    private static partial Regex DelimiterRow();

    [GeneratedRegex(@"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")]
    private static partial Regex ShortDelimiterRow();

    /// <summary>A thematic break or a Setext heading's underline: --- *** ___ ===.</summary>
    [GeneratedRegex(@"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=+)\s*$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^\s{0,3}(?:>\s?)+")]
    private static partial Regex Quote();

    [GeneratedRegex(@"^\s*[-*+]\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakTag();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|<!--.*?-->")]
    private static partial Regex Tag();

    /// <summary>Emphasis marks: **, __, ~~, `, and a single * or _ next to text.</summary>
    [GeneratedRegex(@"\*\*|__|~~|`|(?<=^|[\s\p{P}\p{IsCJKUnifiedIdeographs}])[*_](?=\S)|(?<=\S)[*_](?=$|[\s\p{P}\p{IsCJKUnifiedIdeographs}])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"^\s{0,3}(?:<(?<tag>table|div|p|section|article|center|html|body|h[1-6]|ul|ol|blockquote|thead|tbody|tr)\b|(?<comment><!--))", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlBlockStart();

    [GeneratedRegex(@"<table\b", RegexOptions.IgnoreCase)]
    private static partial Regex TableOpen();

    [GeneratedRegex(@"</table\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex TableClose();
}
