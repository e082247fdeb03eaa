using Gongkai.Domain.Reports;
using Gongkai.Domain.Text;
using Gongkai.Reports.Reading;

namespace Gongkai.Reports.Formats.Pdf;

/// <summary>A physical cell of a ruled table: its place in the grid and the words inside it.</summary>
internal sealed class GridCell(int row, int column)
{
    public int Row { get; } = row;

    public int Column { get; } = column;

    public List<PdfWord> Words { get; } = [];
}

/// <summary>
/// A table whose cells are drawn with ruling lines. The rules give the grid exactly: a cell is
/// the area between rules, merged with its neighbour wherever the rule between them is missing
/// (colspan, rowspan). Each word goes to the cell that holds its centre, so a label wrapped over
/// several lines or a rowspan label centred over many rows stays one cell, printed once.
/// </summary>
internal sealed class RuledTable
{
    /// <summary>Rules closer than this are one rule drawn twice (adjacent cell borders).</summary>
    private const double Snap = 2.0;

    /// <summary>Edges closer than this are one edge drawn as a double line: no cell is this narrow.</summary>
    private const double MinCell = 4.5;

    private readonly double[] _xs;
    private readonly double[] _ys;
    private readonly GridCell[,] _cells;

    private RuledTable(double[] xs, double[] ys, List<Rule> rules)
    {
        // A table cut by a page break has no rule along the cut (Chromium draws a collapsed
        // border once, on one side): the rules that cross the cut still show where it ends.
        var top = rules.Where(r => !r.Horizontal).Min(r => r.From);
        var bottom = rules.Where(r => !r.Horizontal).Max(r => r.To);
        OpenTop = top < ys[0] - Snap;
        OpenBottom = bottom > ys[^1] + Snap;
        ys = Extend(ys, top, bottom);
        xs = Extend(xs, rules.Where(r => r.Horizontal).Min(r => r.From), rules.Where(r => r.Horizontal).Max(r => r.To));
        _xs = xs;
        _ys = ys;
        Box = new Box(xs[0], ys[0], xs[^1], ys[^1]);
        _cells = new GridCell[ys.Length - 1, xs.Length - 1];
        for (var r = 0; r < ys.Length - 1; r++)
        {
            for (var c = 0; c < xs.Length - 1; c++)
            {
                var left = c > 0 && !Ruled(rules, vertical: true, xs[c], (ys[r] + ys[r + 1]) / 2) ? _cells[r, c - 1] : null;
                var up = r > 0 && !Ruled(rules, vertical: false, ys[r], (xs[c] + xs[c + 1]) / 2) ? _cells[r - 1, c] : null;
                // A cell open both left and up belongs to the cell above when they differ: spans are rectangles.
                _cells[r, c] = up ?? left ?? new GridCell(r, c);
            }
        }
    }

    public Box Box { get; }

    /// <summary>The table continues from the previous page: no rule closes its top.</summary>
    public bool OpenTop { get; }

    /// <summary>The table continues on the next page: no rule closes its bottom.</summary>
    public bool OpenBottom { get; }

    /// <summary>The tables on a page: groups of crossing rules that make at least two cells.</summary>
    public static List<RuledTable> Find(List<Rule> rules)
    {
        var tables = new List<RuledTable>();
        foreach (var group in Connected(rules))
        {
            var xs = Cluster(group.Where(r => !r.Horizontal).Select(r => r.Position));
            var ys = Cluster(group.Where(r => r.Horizontal).Select(r => r.Position));
            if (xs.Length < 2 || ys.Length < 2)
                continue;
            var table = new RuledTable(xs, ys, group);
            // A single box is a frame around a page or a text box, not a table.
            if (table._xs.Length > 2 || table._ys.Length > 2)
                tables.Add(table);
        }
        return tables;
    }

    public bool Holds(PdfWord word) =>
        word.Box.CenterX > Box.X0 && word.Box.CenterX < Box.X1 && word.Box.CenterY > Box.Y0 && word.Box.CenterY < Box.Y1;

    public void Add(PdfWord word) =>
        _cells[Index(_ys, word.Box.CenterY), Index(_xs, word.Box.CenterX)].Words.Add(word);

    /// <summary>
    /// The grid row emission starts at: past a header printed again from the previous page, and
    /// past the cut-off rest of the previous page's last row, joined to that row.
    /// </summary>
    public int FirstRow { get; private set; }

    /// <summary>
    /// Reads <paramref name="next"/>, the table that starts the next page (this one ending its
    /// page), as this table going on. Its first rows that repeat this table's first rows cell for
    /// cell are its header printed again (an HTML &lt;thead&gt;, Word's repeated header rows):
    /// they are left out, and never joined into a row, though they line up and hold no figure like
    /// the rest of a cut row. The rest of a row cut by the page break comes next; it is joined when
    /// no rule closes the cut (Chromium; a repeated header brings its own rule, so then only the
    /// previous page shows the cut), or when it plainly is the rest of the row (<see cref="ContinuesInto"/>;
    /// not after a header, where a row of text without figures may well start anew).
    /// </summary>
    public void GoOn(RuledTable next, double pageHeight)
    {
        var header = RepeatedHeaderRows(next);
        next.FirstRow = header;
        var cut = header == 0
            ? OpenBottom && next.OpenTop || ContinuesInto(next)
            : OpenBottom && header < next.RowCount;
        if (cut)
            Continue(next, header, pageHeight);
    }

    /// <summary>How many rows at the top of <paramref name="next"/> hold the same text, cell for cell, as this table's first rows.</summary>
    private int RepeatedHeaderRows(RuledTable next)
    {
        var n = 0;
        while (n < RowCount && n < next.RowCount && Texts(n) is var texts && texts.Any(t => t.Length > 0)
               && texts.SequenceEqual(next.Texts(n), StringComparer.Ordinal))
            n++;
        return n;
    }

    private List<string> Texts(int row) => [.. CellsStartingIn(row).Select(c => ChineseText.Normalize(TextJoin.Words(c.Words)))];

    /// <summary>
    /// Whether the first row of <paramref name="next"/> (the table that starts the next page, this
    /// one ending its page) is the rest of this table's last row, cut by the page break with a rule
    /// drawn on both sides of the cut (Word, LibreOffice): its cells line up with the cells of the
    /// last row, and it holds no figure and no numbered label, only the end of wrapped text.
    /// </summary>
    private bool ContinuesInto(RuledTable next)
    {
        var last = Extents(RowCount - 1);
        foreach (var (cell, x0, x1) in next.Extents(0))
        {
            if (!last.Any(l => Math.Abs(l.X0 - x0) <= 2 * Snap && Math.Abs(l.X1 - x1) <= 2 * Snap))
                return false;
            var text = ChineseText.Normalize(TextJoin.Words(cell.Words));
            if (ValueParser.Parse(text, text) is { Form: not CellForm.Blank } || LabelMatcher.Bare(text) != text)
                return false;
        }
        return true;
    }

    /// <summary>The cells covering a grid row, with their left and right edges.</summary>
    private List<(GridCell Cell, double X0, double X1)> Extents(int row)
    {
        var list = new List<(GridCell, double, double)>();
        for (var c = 0; c < _xs.Length - 1; c++)
        {
            var end = c;
            while (end + 1 < _xs.Length - 1 && _cells[row, end + 1] == _cells[row, c])
                end++;
            list.Add((_cells[row, c], _xs[c], _xs[end + 1]));
            c = end;
        }
        return list;
    }

    /// <summary>
    /// Joins grid row <paramref name="row"/> of <paramref name="next"/>, the cut-off rest of this
    /// table's last row, to that row: each word goes to the cell above it, after that cell's own words.
    /// </summary>
    private void Continue(RuledTable next, int row, double pageHeight)
    {
        var last = RowCount - 1;
        foreach (var cell in next.CellsStartingIn(row))
        {
            foreach (var w in cell.Words)
            {
                var target = _cells[last, Index(_xs, w.Box.CenterX)];
                // Below everything on this page, so that reading order puts it last.
                target.Words.Add(w with { Box = w.Box with { Y0 = w.Box.Y0 + pageHeight, Y1 = w.Box.Y1 + pageHeight } });
            }
        }
        next.FirstRow = row + 1;
    }

    /// <summary>The area a cell covers between its rules, spans included.</summary>
    public Box CellBox(GridCell cell)
    {
        int right = cell.Column, bottom = cell.Row;
        while (right + 1 < _xs.Length - 1 && _cells[cell.Row, right + 1] == cell)
            right++;
        while (bottom + 1 < _ys.Length - 1 && _cells[bottom + 1, cell.Column] == cell)
            bottom++;
        return new Box(_xs[cell.Column], _ys[cell.Row], _xs[right + 1], _ys[bottom + 1]);
    }

    /// <summary>The top edge of each grid row.</summary>
    public double RowTop(int row) => _ys[row];

    public int RowCount => _ys.Length - 1;

    /// <summary>The cells that start in a grid row, left to right; a spanning cell appears only in its first row.</summary>
    public List<GridCell> CellsStartingIn(int row)
    {
        var cells = new List<GridCell>();
        for (var c = 0; c < _xs.Length - 1; c++)
        {
            var cell = _cells[row, c];
            if (cell.Row == row && cell.Column == c)
                cells.Add(cell);
        }
        return cells;
    }

    /// <summary>The edges with the extent of the crossing rules added where they reach past the outer rules.</summary>
    private static double[] Extend(double[] edges, double min, double max)
    {
        var list = edges.ToList();
        if (min < list[0] - Snap)
            list.Insert(0, min);
        if (max > list[^1] + Snap)
            list.Add(max);
        return [.. list];
    }

    private static int Index(double[] edges, double v)
    {
        var i = Array.BinarySearch(edges, v);
        if (i < 0)
            i = ~i - 1;
        return Math.Clamp(i, 0, edges.Length - 2);
    }

    /// <summary>Whether a rule runs along <paramref name="at"/> through the point <paramref name="across"/>.</summary>
    private static bool Ruled(List<Rule> rules, bool vertical, double at, double across) =>
        rules.Any(r => r.Horizontal != vertical && Math.Abs(r.Position - at) <= MinCell / 2 && r.From - Snap <= across && across <= r.To + Snap);

    /// <summary>Rule positions grouped into edges; the middle of a group, so every rule of it lies within MinCell / 2.</summary>
    private static double[] Cluster(IEnumerable<double> positions)
    {
        var sorted = positions.Order().ToList();
        var result = new List<double>();
        var run = new List<double>();
        foreach (var p in sorted)
        {
            if (run.Count > 0 && p - run[0] > MinCell)
            {
                result.Add((run[0] + run[^1]) / 2);
                run.Clear();
            }
            run.Add(p);
        }
        if (run.Count > 0)
            result.Add((run[0] + run[^1]) / 2);
        return [.. result];
    }

    /// <summary>Rules grouped by touching or crossing each other.</summary>
    private static List<List<Rule>> Connected(List<Rule> rules)
    {
        var parent = Enumerable.Range(0, rules.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (var i = 0; i < rules.Count; i++)
        {
            for (var j = i + 1; j < rules.Count; j++)
            {
                if (Touch(rules[i], rules[j]))
                    parent[Root(i)] = Root(j);
            }
        }
        return [.. Enumerable.Range(0, rules.Count).GroupBy(Root).Select(g => g.Select(i => rules[i]).ToList())];
    }

    private static bool Touch(Rule a, Rule b)
    {
        if (a.Horizontal == b.Horizontal)
            return Math.Abs(a.Position - b.Position) <= Snap && a.From <= b.To + Snap && b.From <= a.To + Snap;
        return a.From - Snap <= b.Position && b.Position <= a.To + Snap && b.From - Snap <= a.Position && a.Position <= b.To + Snap;
    }
}
