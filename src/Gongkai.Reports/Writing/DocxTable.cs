using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Reports.Writing;

/// <summary>
/// A <see cref="LayoutTable"/> as a Word table. Word keeps a cell for every grid slot: a colspan
/// becomes w:gridSpan, a rowspan a w:vMerge "restart" cell followed by "continue" cells in the
/// rows below, placed exactly where the layout's merged cell lies.
/// </summary>
internal static class DocxTable
{
    /// <summary>A cell in the grid: the layout cell, its first column, and whether it only continues a merge from above.</summary>
    private sealed record Placed(LayoutCell Cell, int Column, bool Continues);

    public static Table Build(LayoutTable layout)
    {
        var placed = Place(layout);
        var widths = Widths(layout, placed);
        var table = new Table(
            new TableProperties
            {
                TableWidth = new TableWidth { Width = Twips(widths.Sum()), Type = TableWidthUnitValues.Dxa },
                TableJustification = new TableJustification { Val = TableRowAlignmentValues.Center },
                TableBorders = Borders(),
                TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
                TableCellMarginDefault = new TableCellMarginDefault(
                    new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa }),
            },
            new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));
        var headerRows = HeaderRows(layout);
        for (var r = 0; r < placed.Count; r++)
        {
            // Rows never split across pages; the header repeats on every page the table spans.
            var properties = new TableRowProperties(new CantSplit());
            if (r < headerRows)
                properties.Append(new TableHeader());
            var row = new TableRow(properties);
            foreach (var p in placed[r])
                row.Append(Cell(p, widths));
            table.Append(row);
        }
        return table;
    }

    /// <summary>Lays the cells of each row on the grid, after the cells that rowspans above still cover.</summary>
    private static List<List<Placed>> Place(LayoutTable layout)
    {
        var covering = new (LayoutCell? Cell, int Rows)[layout.Columns];
        var rows = new List<List<Placed>>();
        foreach (var cells in layout.Rows)
        {
            var row = new List<Placed>();
            var next = 0;
            for (var c = 0; c < layout.Columns;)
            {
                if (covering[c] is { Cell: { } above, Rows: > 0 })
                {
                    row.Add(new Placed(above, c, Continues: true));
                    covering[c].Rows--;
                    c += above.ColSpan;
                    continue;
                }
                if (next == cells.Count)
                    throw new InvalidOperationException($"Layout row {rows.Count} of “{layout.Title}” leaves columns of its grid empty.");
                var cell = cells[next++];
                row.Add(new Placed(cell, c, Continues: false));
                covering[c] = (cell, cell.RowSpan - 1);
                c += cell.ColSpan;
            }
            if (next != cells.Count || row.Sum(p => p.Cell.ColSpan) != layout.Columns)
                throw new InvalidOperationException($"Layout row {rows.Count} of “{layout.Title}” does not fit its {layout.Columns}-column grid.");
            rows.Add(row);
        }
        return rows;
    }

    private static TableCell Cell(Placed p, int[] widths)
    {
        var cell = p.Cell;
        var properties = new TableCellProperties
        {
            TableCellWidth = new TableCellWidth { Width = Twips(widths.Skip(p.Column).Take(cell.ColSpan).Sum()), Type = TableWidthUnitValues.Dxa },
            GridSpan = cell.ColSpan > 1 ? new GridSpan { Val = cell.ColSpan } : null,
            VerticalMerge = cell.RowSpan == 1 ? null
                : new VerticalMerge { Val = p.Continues ? MergedCellValues.Continue : MergedCellValues.Restart },
            TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center },
        };
        var style = cell.IsHeader || cell.IsFigure ? DocxStyles.TableText : DocxStyles.TableLabel;
        var paragraph = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } });
        if (!p.Continues && cell.Text.Length > 0)
            paragraph.Append(DocxReport.Run(cell.Text));
        return new TableCell(properties, paragraph);
    }

    /// <summary>
    /// Column widths from the content: figure columns share one width wide enough for the longest
    /// figure, label columns follow their longest label (a tall merged label needs less width).
    /// </summary>
    private static int[] Widths(LayoutTable layout, List<List<Placed>> rows)
    {
        var weights = new double[layout.Columns];
        var isFigure = new bool[layout.Columns];
        var figure = 2.5;
        foreach (var p in rows.SelectMany(r => r).Where(p => !p.Continues && p.Cell.ColSpan == 1))
        {
            var em = Em(p.Cell.Text);
            if (p.Cell.IsFigure)
            {
                isFigure[p.Column] = true;
                figure = Math.Max(figure, em + 1);
            }
            else
                weights[p.Column] = Math.Max(weights[p.Column], Math.Clamp(Math.Ceiling(em / p.Cell.RowSpan), 2, 14));
        }
        for (var c = 0; c < weights.Length; c++)
            weights[c] = isFigure[c] ? figure : Math.Max(weights[c], 2);
        var total = weights.Sum();
        var widths = weights.Select(w => (int)(DocxStyles.TextWidth * w / total)).ToArray();
        widths[^1] += DocxStyles.TextWidth - widths.Sum();
        return widths;
    }

    /// <summary>Width in ems: a Chinese character is one, a digit or Latin letter half.</summary>
    private static double Em(string text) => text.Sum(c => c >= '\u2E80' ? 1.0 : 0.5);

    /// <summary>Leading all-header rows repeat on each page, unless header rows recur further down (table 二's blocks).</summary>
    private static int HeaderRows(LayoutTable layout)
    {
        static bool AllHeader(IReadOnlyList<LayoutCell> row) => row.All(c => c.IsHeader);
        var leading = layout.Rows.TakeWhile(AllHeader).Count();
        return layout.Rows.Skip(leading).Any(AllHeader) ? 0 : leading;
    }

    private static TableBorders Borders() => new(
        new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
        new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
        new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
        new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" });

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);
}
