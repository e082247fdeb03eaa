using System.Net;
using System.Text;

namespace Gongkai.Reports.Tests.Pdf;

/// <summary>A table cell of a fixture: text and spans, as a report's own HTML or Word table has them.</summary>
public sealed record Td(string Text, int Rows = 1, int Cols = 1);

/// <summary>
/// Writes fixture reports as HTML laid out like published ones: the official tables with their
/// rowspans and colspans, prose sections, and the page set-up given by the fixture's CSS. Kept
/// apart from the product's HTML writer on purpose: the PDF reader is tested against tables
/// built by hand here.
/// </summary>
public sealed class ReportHtml(string css)
{
    private readonly StringBuilder _body = new();

    public ReportHtml Title(string text) => Append($"<h1>{E(text)}</h1>");

    public ReportHtml Heading(string text) => Append($"<h2>{E(text)}</h2>");

    public ReportHtml Paragraph(string text) => Append($"<p>{E(text)}</p>");

    /// <summary>A table; rows listed in <paramref name="headRows"/> go into a thead that Chromium repeats on each page.</summary>
    public ReportHtml Table(IEnumerable<Td[]> rows, int headRows = 0)
    {
        _body.Append("<table>");
        var i = 0;
        foreach (var row in rows)
        {
            if (i == 0 && headRows > 0)
                _body.Append("<thead>");
            if (i == headRows && headRows > 0)
                _body.Append("</thead><tbody>");
            _body.Append("<tr>");
            foreach (var td in row)
            {
                _body.Append("<td");
                if (td.Rows > 1)
                    _body.Append(" rowspan=\"").Append(td.Rows).Append('"');
                if (td.Cols > 1)
                    _body.Append(" colspan=\"").Append(td.Cols).Append('"');
                _body.Append('>').Append(E(td.Text)).Append("</td>");
            }
            _body.Append("</tr>");
            i++;
        }
        if (headRows > 0)
            _body.Append("</tbody>");
        _body.Append("</table>");
        return this;
    }

    public string Build() =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>政府信息公开工作年度报告</title><style>{css}</style></head><body>{_body}</body></html>";

    private ReportHtml Append(string html)
    {
        _body.Append(html);
        return this;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Figure cells of a row, one per printed text.</summary>
    public static IEnumerable<Td> Figures(IEnumerable<string> texts) => texts.Select(t => new Td(t));
}
