using System.Globalization;
using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Writing;

/// <summary>
/// The report as a print-ready HTML5 page in the official layout: title, metadata, sections with
/// their prose and the statistics tables of <see cref="OfficialLayout"/> with real row and column
/// spans. With findings, the cells they name are marked and the findings listed after the report
/// in an &lt;aside&gt;, which is not part of the report and is not read back; without findings
/// the page is the publishable report. It reads back through <see cref="Formats.HtmlSource"/> to the
/// same data.
/// </summary>
public static class HtmlReport
{
    public static string Write(AnnualReport report, IReadOnlyList<Finding> findings)
    {
        var title = ReportOutline.Title(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<style>\n").Append(HtmlReportStyle.Css).Append("</style>\n</head>\n<body>\n<article class=\"report\">\n");
        Metadata(html, ReportOutline.Metadata(report));
        html.Append("<h1>").Append(Encode(title)).Append("</h1>\n");
        Prose(html, ReportOutline.Preface(report));
        var flags = Flags(findings);
        foreach (var section in ReportOutline.Sections(report))
        {
            html.Append("<section>\n<h2>").Append(Encode(section.Heading)).Append("</h2>\n");
            Prose(html, section.Text);
            if (section.Table is { } table)
                Table(html, table, flags);
            html.Append("</section>\n");
        }
        if (ReportOutline.Signature(report) is { } signature)
            html.Append("<p class=\"signature\">").Append(Encode(signature)).Append("</p>\n");
        html.Append("</article>\n");
        if (findings.Count > 0)
            Findings(html, findings);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>索引号 / 分类 / 发布机构 … two pairs a row, as government sites print them above the title.</summary>
    private static void Metadata(StringBuilder html, IReadOnlyList<(string Key, string Value)> metadata)
    {
        if (metadata.Count == 0)
            return;
        html.Append("<table class=\"metadata\">\n<tbody>\n");
        for (var i = 0; i < metadata.Count; i += 2)
        {
            html.Append("<tr>");
            foreach (var (key, value) in metadata.Skip(i).Take(2))
                html.Append("<th>").Append(Encode(key)).Append("</th><td>").Append(Encode(value)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static void Prose(StringBuilder html, string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0)
                html.Append("<p>").Append(Encode(line)).Append("</p>\n");
        }
    }

    private static void Table(StringBuilder html, LayoutTable table, Dictionary<string, List<string>> flags)
    {
        // The header repeats on every page only when it heads the whole table: table 二 starts
        // each block with its own headers, and repeating the first block's would mislabel the rest.
        var head = table.Rows.TakeWhile(IsHeaderRow).Count();
        if (table.Rows.Skip(head).Any(IsHeaderRow))
            head = 0;
        html.Append("<table class=\"figures\">\n");
        if (head > 0)
        {
            html.Append("<thead>\n");
            foreach (var row in table.Rows.Take(head))
                Row(html, row, flags);
            html.Append("</thead>\n");
        }
        html.Append("<tbody>\n");
        foreach (var row in table.Rows.Skip(head))
            Row(html, row, flags);
        html.Append("</tbody>\n</table>\n");
    }

    private static bool IsHeaderRow(IReadOnlyList<LayoutCell> row) => row.All(c => c.IsHeader);

    private static void Row(StringBuilder html, IReadOnlyList<LayoutCell> row, Dictionary<string, List<string>> flags)
    {
        html.Append("<tr>");
        foreach (var cell in row)
        {
            var tag = cell.IsHeader ? "th" : "td";
            html.Append('<').Append(tag);
            if (cell.RowSpan > 1)
                html.Append(CultureInfo.InvariantCulture, $" rowspan=\"{cell.RowSpan}\"");
            if (cell.ColSpan > 1)
                html.Append(CultureInfo.InvariantCulture, $" colspan=\"{cell.ColSpan}\"");
            if (cell.Path is { } path)
            {
                var flagged = flags.TryGetValue(path, out var messages);
                html.Append(flagged ? " class=\"figure flagged\"" : " class=\"figure\"")
                    .Append(" data-cell=\"").Append(Encode(path, attribute: true)).Append('"');
                if (flagged)
                    html.Append(" title=\"").Append(Encode(string.Join("\n", messages!), attribute: true)).Append('"');
            }
            else if (!cell.IsHeader)
            {
                html.Append(" class=\"label\"");
            }
            html.Append('>').Append(Encode(cell.Text)).Append("</").Append(tag).Append('>');
        }
        html.Append("</tr>\n");
    }

    /// <summary>The messages of the findings naming each cell, in the order the findings came.</summary>
    private static Dictionary<string, List<string>> Flags(IReadOnlyList<Finding> findings)
    {
        var flags = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            foreach (var path in finding.Cells)
            {
                if (!flags.TryGetValue(path, out var messages))
                    flags[path] = messages = [];
                if (!messages.Contains(finding.Message, StringComparer.Ordinal))
                    messages.Add(finding.Message);
            }
        }
        return flags;
    }

    private static void Findings(StringBuilder html, IReadOnlyList<Finding> findings)
    {
        html.Append("<aside class=\"findings\">\n<h2>检查发现的问题</h2>\n<table>\n<thead>\n")
            .Append("<tr><th>规则</th><th>严重程度</th><th>问题</th></tr>\n</thead>\n<tbody>\n");
        foreach (var f in findings)
        {
            html.Append("<tr class=\"").Append(Finding.SeverityId(f.Severity)).Append("\"><td><code>").Append(Encode(f.Rule))
                .Append("</code></td><td>").Append(Finding.SeverityLabel(f.Severity))
                .Append("</td><td>").Append(Encode(f.Message)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</aside>\n");
    }

    /// <summary>
    /// HTML-encodes text. In content, a space after a space becomes &amp;nbsp; so that spacing
    /// survives the collapsing of whitespace; in attributes, quotes and line breaks are encoded.
    /// </summary>
    private static string Encode(string text, bool attribute = false)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '&':
                    sb.Append("&amp;");
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '"' when attribute:
                    sb.Append("&quot;");
                    break;
                case '\n' when attribute:
                    sb.Append("&#10;");
                    break;
                case ' ' when !attribute && i > 0 && text[i - 1] == ' ':
                    sb.Append("&nbsp;");
                    break;
                default:
                    sb.Append(text[i]);
                    break;
            }
        }
        return sb.ToString();
    }
}
