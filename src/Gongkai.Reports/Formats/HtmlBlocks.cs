using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Gongkai.Domain.Reports;
using Gongkai.Reports.Reading;

namespace Gongkai.Reports.Formats;

/// <summary>
/// Walks a page in document order: each block of text becomes a paragraph, each row of a data
/// table a row of its physical cells (a cell spanning rows or columns appears once, where it is
/// written: the parser expects exactly that). Tables used for page layout are walked as blocks.
/// </summary>
internal sealed class HtmlBlocks(SourceDocument document, CellSource? within = null)
{
    /// <summary>The place the HTML sits in (a fragment inside a Markdown file starts on a line); empty for a page.</summary>
    private readonly CellSource _within = within ?? new CellSource();

    /// <summary>A cell holding this much running text is page content, not a figure or a label.</summary>
    private const int ContainerText = 200;

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "blockquote", "caption", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "li", "main", "menu", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul",
    };

    private readonly HtmlText _text = new();
    private int _paragraphs;
    private int _tables;

    public void Read(IElement root)
    {
        Walk(root);
        Flush();
    }

    private void Walk(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                _text.Append(text.Data);
                continue;
            }
            if (child is not IElement element || HtmlChrome.IsSkipped(element))
                continue;
            if (element.LocalName == "br")
                Flush();
            else if (element is IHtmlTableElement table && !IsLayout(table))
            {
                Flush();
                Rows(table);
            }
            else if (Blocks.Contains(element.LocalName))
            {
                Flush();
                Walk(element);
                Flush();
            }
            else
            {
                Walk(element);
            }
        }
    }

    private void Flush()
    {
        if (_text.IsEmpty)
            return;
        _paragraphs++;
        document.AddParagraph(_text.Take(), _within with { Paragraph = _paragraphs });
    }

    private void Rows(IHtmlTableElement table)
    {
        _tables++;
        if (table.Caption is { } caption && !HtmlChrome.IsSkipped(caption))
            document.AddParagraph(CellText(caption), _within with { Table = _tables, Row = 0 });
        var number = 0;
        foreach (var row in table.Rows)
        {
            number++;
            if (HtmlChrome.IsSkipped(row))
                continue;
            // Cells are numbered as the page shows them: a hidden cell is not counted.
            var cells = row.Cells.Where(c => !HtmlChrome.IsSkipped(c)).Select(CellText).ToList();
            document.AddRow(cells, _within with { Table = _tables, Row = number });
        }
    }

    /// <summary>
    /// A table is laid out for the page, not for data, when no row has two cells (a frame around
    /// content), or a cell holds another table, a heading, or paragraphs of running text (old
    /// CMSs put the whole article in one cell).
    /// </summary>
    private static bool IsLayout(IHtmlTableElement table) =>
        table.Rows.All(r => r.Cells.Length < 2)
        || table.Rows.SelectMany(r => r.Cells).Any(cell =>
            cell.QuerySelector("table, h1, h2, h3, h4, h5, h6") is not null
            || cell.QuerySelectorAll("p, div, br, li").Length >= 2 && CellText(cell).Length > ContainerText);

    /// <summary>The text of a cell on one line: its inner line breaks and paragraphs become spaces.</summary>
    private static string CellText(IElement cell)
    {
        var text = new HtmlText();
        Collect(cell, text);
        return text.Take();
    }

    private static void Collect(INode node, HtmlText text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
                text.Append(t.Data);
            else if (child is IElement element && !HtmlChrome.IsSkipped(element))
            {
                var block = element.LocalName == "br" || Blocks.Contains(element.LocalName);
                if (block)
                    text.Break();
                Collect(element, text);
                if (block)
                    text.Break();
            }
        }
    }
}
