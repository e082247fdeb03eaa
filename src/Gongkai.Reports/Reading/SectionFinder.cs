using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Reading;

/// <summary>A section heading found in the text: 三、收到和处理政府信息公开申请情况.</summary>
internal sealed record Heading(int Line, int Number, SectionTopic Topic, string Text);

/// <summary>
/// Finds the numbered section headings (一、总体情况 … 六、其他需要报告的事项) and the prose of each.
/// Numbers must increase, so the row labels of table 三 (一、本年新收…) and of a legacy 统计表 are
/// never taken for headings.
/// </summary>
internal static partial class SectionFinder
{
    private static readonly string[] Official =
    [
        "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况",
        "存在的主要问题及改进情况", "其他需要报告的事项",
    ];

    public static List<Heading> Find(List<ParsedLine> lines, int titleLine)
    {
        var headings = new List<Heading>();
        var last = 0;
        for (var i = titleLine + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.IsSingle || line.Tokens[0].IsValue)
                continue;
            var norm = line.Head;
            if (norm.Length is > 40 or < 2 || norm.Contains('。', StringComparison.Ordinal))
                continue;
            if (!"一二三四五六七八九十第".Contains(norm[0], StringComparison.Ordinal) && !Official.Contains(norm))
                continue;
            var m = Numbered().Match(norm);
            int number;
            string title;
            if (m.Success)
            {
                number = ChineseNumber(m.Groups["n"].Value);
                title = m.Groups["t"].Value;
            }
            else
            {
                var official = Array.IndexOf(Official, norm);
                if (official < 0)
                    continue;
                number = official + 1;
                title = norm;
            }
            if (number <= last || RowLabel().IsMatch(title))
                continue;
            var topic = Topic(title);
            if (topic == SectionTopic.Other && (number != last + 1 || title.Length > 20))
                continue;
            headings.Add(new Heading(i, number, topic, line.Text));
            last = number;
        }
        return headings;
    }

    public static SectionTopic Topic(string title)
    {
        if (Has(title, "其他需要报告", "其他事项", "需要说明", "其他需报告", "其他需要"))
            return SectionTopic.OtherMatters;
        if (Has(title, "问题", "改进", "不足"))
            return SectionTopic.Problems;
        if (Has(title, "复议", "诉讼"))
            return SectionTopic.ReviewLitigation;
        if (Has(title, "收到和处理", "依申请", "申请公开", "收到和办理"))
            return SectionTopic.Requests;
        if (Has(title, "主动公开"))
            return SectionTopic.Proactive;
        if (Has(title, "总体情况", "概述", "概况", "基本情况", "总体"))
            return SectionTopic.Overview;
        return SectionTopic.Other;
    }

    /// <summary>The lines of the section with the given topic: [start, end).</summary>
    public static (int Start, int End)? Region(List<Heading> headings, SectionTopic topic, int lineCount)
    {
        for (var h = 0; h < headings.Count; h++)
        {
            if (headings[h].Topic == topic)
                return (headings[h].Line + 1, h + 1 < headings.Count ? headings[h + 1].Line : lineCount);
        }
        return null;
    }

    /// <summary>The prose of each section: lines that are not headings, table rows or figures.</summary>
    public static void FillSections(List<ParsedLine> lines, List<Heading> headings, int titleLine, bool[] consumed, AnnualReport report)
    {
        var firstHeading = headings.Count > 0 ? headings[0].Line : lines.Count;
        // A web page prints its title twice (the site's heading, then the document's own): one title, no preface line.
        for (var i = titleLine + 1; titleLine >= 0 && i < firstHeading; i++)
        {
            if (lines[i].NormText == lines[titleLine].NormText)
                consumed[i] = true;
        }
        var preface = Prose(lines, titleLine + 1, firstHeading, consumed);
        if (preface.Length > 0)
            report.Sections.Add(new ReportSection(0, "", preface, SectionTopic.Other));
        for (var h = 0; h < headings.Count; h++)
        {
            var end = h + 1 < headings.Count ? headings[h + 1].Line : lines.Count;
            var heading = headings[h];
            var title = Numbered().Match(lines[heading.Line].Head) is { Success: true } m
                ? TitleText(lines[heading.Line].Text)
                : heading.Text;
            report.Sections.Add(new ReportSection(heading.Number, Domain.Text.ChineseText.ToSimplified(title),
                Prose(lines, heading.Line + 1, end, consumed), heading.Topic));
        }
    }

    private static string TitleText(string raw)
    {
        var t = raw.Trim();
        var sep = t.IndexOfAny(['、', '.', '．']);
        return sep >= 0 && sep < 4 ? t[(sep + 1)..].Trim() : t;
    }

    private static string Prose(List<ParsedLine> lines, int start, int end, bool[] consumed)
    {
        var sb = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            if (consumed[i] || line.IsRow && !line.IsSingle)
                continue;
            if (line.Tokens.Length == 1 && line.Tokens[0].IsValue)
                continue;
            if (sb.Length > 0)
                sb.Append('\n');
            sb.Append(line.Text);
        }
        return sb.ToString();
    }

    public static int ChineseNumber(string text)
    {
        const string digits = "零一二三四五六七八九";
        if (text == "十")
            return 10;
        if (text.StartsWith('十'))
            return 10 + digits.IndexOf(text[1], StringComparison.Ordinal);
        if (text.Length == 2 && text[1] == '十')
            return digits.IndexOf(text[0], StringComparison.Ordinal) * 10;
        if (text.Length == 3 && text[1] == '十')
            return digits.IndexOf(text[0], StringComparison.Ordinal) * 10 + digits.IndexOf(text[2], StringComparison.Ordinal);
        return text.Length == 1 ? digits.IndexOf(text[0], StringComparison.Ordinal) : 0;
    }

    private static bool Has(string text, params string[] parts) =>
        parts.Any(p => text.Contains(p, StringComparison.Ordinal));

    [GeneratedRegex(@"^(?:第)?(?<n>[一二三四五六七八九十]{1,3})(?:[、.:]|部分[、.:]?)(?<t>.{2,})$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"新收|结转|办理结果|^行政复议$|^行政诉讼$")]
    private static partial Regex RowLabel();
}
