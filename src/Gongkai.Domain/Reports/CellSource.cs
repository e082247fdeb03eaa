using System.Globalization;
using System.Text;

namespace Gongkai.Domain.Reports;

/// <summary>
/// A box on a PDF page in points, y growing downwards, with the page's size, so that it can be
/// drawn over an image of the page at any scale.
/// </summary>
public readonly record struct PageBox(double X0, double Y0, double X1, double Y1, double PageWidth, double PageHeight);

/// <summary>
/// Where something was printed in the file it was read from: a PDF page and the box on it; a
/// line of a text or Markdown file (and the cell within a row written on that line); a table, row
/// and cell of an HTML page or a DOCX (numbered from 1 in document order, a merged cell counted
/// once where it starts); or a paragraph of an HTML page or a DOCX.
/// </summary>
public sealed record CellSource
{
    public int? Page { get; init; }

    public PageBox? Box { get; init; }

    public int? Line { get; init; }

    public int? Table { get; init; }

    public int? Row { get; init; }

    /// <summary>The cell within its row: within the table's row, or within a row written on one line of text.</summary>
    public int? Column { get; init; }

    public int? Paragraph { get; init; }

    /// <summary>In Chinese, for people: 第3页, 第57行第2格, 第2个表格第5行第8格, 第4段.</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        if (Page is { } page)
            sb.Append(c, $"第{page}页");
        // A line holding a table or paragraphs (HTML inside Markdown): the line, then the place within it.
        if (Line is { } line)
            sb.Append(c, $"第{line}行").Append(Table is not null || Paragraph is not null ? "的" : "");
        if (Table is { } table)
            sb.Append(c, $"第{table}个表格");
        if (Row is { } row)
            sb.Append(c, $"第{row}行");
        if (Paragraph is { } paragraph)
            sb.Append(c, $"第{paragraph}段");
        if (Column is { } column)
            sb.Append(c, $"第{column}格");
        if (Box is { } box)
            sb.Append(c, $"（左{box.X0:0.#} 上{box.Y0:0.#} 右{box.X1:0.#} 下{box.Y1:0.#}，单位：磅）");
        return sb.ToString();
    }
}
