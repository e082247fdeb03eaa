using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>One row of a bar chart: its label and a value per series (null: no figure), with the text shown after the bar.</summary>
public sealed record ChartRow(string Label, IReadOnlyList<double?> Values, IReadOnlyList<string> Texts);

/// <summary>
/// Horizontal bar charts as SVG written on the server: no JavaScript, no style attributes (colours
/// are classes in supervision.css), a title for screen readers. Each chart has its data table
/// beside it on the page as well.
/// </summary>
public static class SvgChart
{
    private const int Width = 860;
    private const int LabelWidth = 230;
    private const int BarArea = 520;
    private const int Bar = 14;
    private const int Gap = 4;
    private const int GroupGap = 12;

    /// <summary>A bar per series for each row, side by side, on one scale.</summary>
    public static IHtmlContent Grouped(string title, IReadOnlyList<ChartRow> rows, double? max = null)
    {
        var scale = max ?? Math.Max(1, rows.SelectMany(r => r.Values).Max(v => v ?? 0));
        var series = rows.Count == 0 ? 0 : rows.Max(r => r.Values.Count);
        var groupHeight = series * (Bar + Gap) - Gap;
        var height = rows.Count * (groupHeight + GroupGap) + GroupGap;
        var svg = Start(title, height);
        var y = GroupGap;
        foreach (var row in rows)
        {
            Text(svg, LabelWidth - 8, y + groupHeight / 2.0 + 4, row.Label, "end");
            for (var s = 0; s < row.Values.Count; s++)
            {
                var top = y + s * (Bar + Gap);
                var length = row.Values[s] is { } v ? BarArea * v / scale : 0;
                if (length > 0)
                    Rect(svg, LabelWidth, top, length, Bar, $"series-{s % 6}");
                Text(svg, LabelWidth + length + 4, top + Bar - 3, row.Texts[s], "start", "value");
            }
            y += groupHeight + GroupGap;
        }
        return End(svg);
    }

    /// <summary>One bar per row split into its series, each row scaled to 100%.</summary>
    public static IHtmlContent Stacked(string title, IReadOnlyList<ChartRow> rows)
    {
        var height = rows.Count * (Bar + 2 * Gap + 4) + GroupGap;
        var svg = Start(title, height);
        var y = GroupGap / 2;
        foreach (var row in rows)
        {
            var total = row.Values.Sum(v => v ?? 0);
            Text(svg, LabelWidth - 8, y + Bar - 3, row.Label, "end");
            var x = (double)LabelWidth;
            for (var s = 0; s < row.Values.Count && total > 0; s++)
            {
                var length = BarArea * (row.Values[s] ?? 0) / total;
                if (length > 0)
                    Rect(svg, x, y, length, Bar, $"series-{s % 6}");
                x += length;
            }
            Text(svg, LabelWidth + BarArea + 6, y + Bar - 3, row.Texts.Count > 0 ? row.Texts[0] : "", "start", "value");
            y += Bar + 2 * Gap + 4;
        }
        return End(svg);
    }

    /// <summary>The legend's colour square of a series, as a tiny SVG (a span's background would need a style).</summary>
    public static IHtmlContent Swatch(int series) =>
        new HtmlString($"<svg aria-hidden=\"true\" viewBox=\"0 0 10 10\"><rect class=\"series-{(series % 6).ToString(CultureInfo.InvariantCulture)}\" width=\"10\" height=\"10\"/></svg>");

    private static StringBuilder Start(string title, int height)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {Width} {Math.Max(height, 24)}\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>")
            .Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{LabelWidth}\" y1=\"0\" x2=\"{LabelWidth}\" y2=\"{height}\"/>");
        return svg;
    }

    private static HtmlString End(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static void Rect(StringBuilder svg, double x, double y, double width, double height, string css) =>
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{css}\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{width:0.#}\" height=\"{height:0.#}\"/>");

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor, string? css = null) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\"{(css is null ? "" : $" class=\"{css}\"")}>")
            .Append(WebUtility.HtmlEncode(text)).Append("</text>");
}
