using Gongkai.Domain.Text;
using Gongkai.Reports.Reading;

namespace Gongkai.Reports.Formats.Pdf;

/// <summary>A table row rebuilt from word positions: its cells with blanks in place, each with its box, and its height on the page.</summary>
internal sealed record PositionedRow(double Y, List<string> Cells, List<Box> Boxes);

/// <summary>
/// Tables drawn without rules. Words of one row sit in different poppler blocks, so rows are
/// rebuilt across blocks by height; cells are runs of words separated by more than a character's
/// width. Figures are centred under their column, so the columns are the clusters of the
/// figures' centres over the table (completed by narrow header cells for a column with no figure
/// at all), and a row with no figure under a column gets a blank there. A figure centred between
/// two columns spans both and leaves no blank.
/// </summary>
internal sealed class GridlessTable
{
    public List<PositionedRow> Rows { get; } = [];

    /// <summary>The poppler lines taken into tables; the others are prose.</summary>
    public HashSet<int> Lines { get; } = [];

    public static GridlessTable Find(List<PdfLine> lines)
    {
        var result = new GridlessTable();
        var rows = VisualRows(lines);
        var i = 0;
        while (i < rows.Count)
        {
            if (!rows[i].IsCandidate)
            {
                i++;
                continue;
            }
            var end = i + 1;
            while (end < rows.Count && (rows[end].IsCandidate || IsContinuation(rows, end)))
                end++;
            var region = rows.GetRange(i, end - i);
            if (region.Any(r => r.Figures > 0))
                result.Emit(region);
            i = end;
        }
        return result;
    }

    private void Emit(List<VisualRow> region)
    {
        var size = region.Average(r => r.Size);
        var columns = Columns(region, size);
        var figureArea = columns[0] - size;
        var tails = Tails(region, figureArea, size);
        foreach (var row in region)
        {
            foreach (var id in row.LineIds)
                Lines.Add(id);
            var labels = row.Cells.Where(c => !c.IsFigure || c.Box.CenterX < figureArea).ToList();
            var cells = labels.Select(c => c.Text).ToList();
            var boxes = labels.Select(c => c.Box).ToList();
            if (row.Figures > 0)
            {
                foreach (var (text, box) in Slots(row, columns, figureArea, size))
                {
                    if (text is null)
                        continue;
                    cells.Add(text);
                    boxes.Add(box);
                }
            }
            Rows.Add(new PositionedRow(tails.GetValueOrDefault(row, row.Y), cells, boxes));
        }
    }

    /// <summary>
    /// Label lines printed below their row's figures (a label wrapped around vertically centred
    /// figures, or a top-aligned figure row): each is moved just before the figures it belongs
    /// to, so that the label reads whole before its figures. A line belongs to the nearest row of
    /// figures, the one above on a tie, and only if it lies under that row's label.
    /// </summary>
    private static Dictionary<VisualRow, double> Tails(List<VisualRow> region, double figureArea, double size)
    {
        var tails = new Dictionary<VisualRow, double>();
        var figureRows = region.Where(r => r.Figures > 0).ToList();
        var order = 0;
        foreach (var row in region)
        {
            if (row.Figures > 0 || row.Cells.Any(c => c.Box.X1 > figureArea))
                continue;
            var above = figureRows.LastOrDefault(f => f.CenterY < row.CenterY);
            var below = figureRows.FirstOrDefault(f => f.CenterY > row.CenterY);
            if (above is null || below is not null && below.CenterY - row.CenterY < row.CenterY - above.CenterY - 0.25 * size)
                continue;
            if (Label(region, above, figureArea) is { } label && row.Cells.Any(c => c.Box.X0 < label.X1 && c.Box.X1 > label.X0))
                tails[row] = above.Y - 0.01 + 0.0001 * order++;
        }
        return tails;
    }

    /// <summary>Where a row's label is: its last text cell before the figures, or the line just above when the figures stand alone.</summary>
    private static Box? Label(List<VisualRow> region, VisualRow figures, double figureArea)
    {
        if (figures.Cells.LastOrDefault(c => !c.IsFigure && c.Box.CenterX < figureArea) is { } cell)
            return cell.Box;
        var i = region.IndexOf(figures);
        return i > 0 && region[i - 1].Figures == 0 ? region[i - 1].Cells[^1].Box : null;
    }

    /// <summary>
    /// The figures of a row in their columns, each with its box: "" for an empty column (its box
    /// where a figure would stand), null for one covered by a spanning figure.
    /// </summary>
    private static (string? Text, Box Box)[] Slots(VisualRow row, List<double> columns, double figureArea, double size)
    {
        var slots = new (string? Text, Box Box)[columns.Count];
        for (var k = 0; k < slots.Length; k++)
            slots[k] = ("", new Box(columns[k] - size / 2, row.Box.Y0, columns[k] + size / 2, row.Box.Y1));
        foreach (var cell in row.Cells.Where(c => c.IsFigure && c.Box.CenterX >= figureArea))
        {
            var x = cell.Box.CenterX;
            var k = columns.Select((c, i) => (Distance: Math.Abs(c - x), i)).Min().i;
            slots[k] = slots[k].Text is { Length: > 0 } taken ? (taken + " " + cell.Text, slots[k].Box.Union(cell.Box)) : (cell.Text, cell.Box);
            // Halfway to the next column: the figure is centred under two columns merged into one.
            var next = x > columns[k] ? k + 1 : k - 1;
            if (next >= 0 && next < columns.Count && Math.Abs(x - columns[k]) > 0.3 * Math.Abs(columns[next] - columns[k]) && slots[next].Text == "")
                slots[next] = (null, slots[next].Box);
        }
        return slots;
    }

    /// <summary>
    /// Column centres, left to right: clusters of the figures' centres, then clusters of narrow
    /// header cells that sit a whole column away from every figure column (a column left blank
    /// in every row). Wide header cells spanning several columns are centred between columns and
    /// never pass.
    /// </summary>
    private static List<double> Columns(List<VisualRow> region, double size)
    {
        var clusters = WithoutSpanningFigures(Cluster(region.SelectMany(r => r.Cells.Where(c => c.IsFigure)).Select(c => c.Box.CenterX), size), region);
        var columns = clusters.Select(c => c.Centre).ToList();
        if (columns.Count < 2)
            return columns;
        var pitch = columns.Zip(columns.Skip(1), (a, b) => b - a).Order().ElementAt((columns.Count - 1) / 2);
        var headers = region.SelectMany(r => r.Cells)
            .Where(c => !c.IsFigure && c.Box.CenterX > columns[0] - pitch / 2 && c.Box.Width < pitch)
            .Select(c => c.Box.CenterX);
        foreach (var (centre, _) in Cluster(headers, size).OrderByDescending(c => c.Count))
        {
            if (columns.All(c => Math.Abs(c - centre) > 0.75 * pitch))
                columns.Add(centre);
        }
        columns.Sort();
        return columns;
    }

    /// <summary>
    /// Figures centred under two columns merged into one (an amount under 采购总金额 spanning the
    /// last two columns of table 二) make a cluster halfway between two columns: not a column of
    /// its own, for no row holding one of them holds a figure in either neighbouring column.
    /// <see cref="Slots"/> lets such a figure span both.
    /// </summary>
    private static List<(double Centre, int Count)> WithoutSpanningFigures(List<(double Centre, int Count)> clusters, List<VisualRow> region)
    {
        int Nearest(double x) => clusters.Select((c, i) => (Distance: Math.Abs(c.Centre - x), i)).Min().i;
        for (var i = 1; i + 1 < clusters.Count; i++)
        {
            var (left, centre, right) = (clusters[i - 1], clusters[i], clusters[i + 1]);
            if (Math.Abs(centre.Centre - (left.Centre + right.Centre) / 2) > 0.15 * (right.Centre - left.Centre))
                continue;
            var k = i;
            var spanning = region.Select(r => r.Cells.Where(c => c.IsFigure).Select(c => Nearest(c.Box.CenterX)).ToList())
                .Where(columns => columns.Contains(k))
                .All(columns => !columns.Contains(k - 1) && !columns.Contains(k + 1));
            if (spanning)
                clusters.RemoveAt(i--);
        }
        return clusters;
    }

    private static List<(double Centre, int Count)> Cluster(IEnumerable<double> centres, double size)
    {
        var clusters = new List<(double, int)>();
        var run = new List<double>();
        foreach (var x in centres.Order())
        {
            if (run.Count > 0 && x - run[^1] > size)
            {
                clusters.Add((run.Average(), run.Count));
                run.Clear();
            }
            run.Add(x);
        }
        if (run.Count > 0)
            clusters.Add((run.Average(), run.Count));
        return clusters;
    }

    /// <summary>
    /// Short lines of label text between two rows of the table (a label wrapped over up to four
    /// lines), each close below the one before and in the table's type size (a heading between
    /// two tables is larger): part of the table, not prose.
    /// </summary>
    private static bool IsContinuation(List<VisualRow> rows, int i)
    {
        var size = rows[i - 1].Size;
        for (var j = i; j < rows.Count && j < i + 4; j++)
        {
            if (rows[j].Y - rows[j - 1].Y > 3.5 * size || Math.Abs(rows[j].Size - size) > 0.15 * size)
                return false;
            if (rows[j].IsCandidate)
                return j > i;
            if (rows[j].Figures > 0 || rows[j].Cells.Sum(c => c.Text.Length) > 30)
                return false;
        }
        return false;
    }

    private static List<VisualRow> VisualRows(List<PdfLine> lines)
    {
        var rows = new List<List<PdfLine>>();
        foreach (var line in lines.OrderBy(l => l.Box.CenterY))
        {
            var size = line.Words.Average(w => w.Size);
            var last = rows.Count > 0 ? rows[^1] : null;
            if (last is not null && Math.Abs(last.Average(l => l.Box.CenterY) - line.Box.CenterY) <= 0.5 * size)
                last.Add(line);
            else
                rows.Add([line]);
        }
        return [.. rows.Select(r => new VisualRow(r))];
    }

    private sealed record CellText(string Text, Box Box, bool IsFigure);

    private sealed class VisualRow
    {
        public VisualRow(List<PdfLine> lines)
        {
            LineIds = [.. lines.Select(l => l.Id)];
            var words = lines.SelectMany(l => l.Words).OrderBy(w => w.Box.X0).ToList();
            Size = words.Average(w => w.Size);
            Y = lines.Min(l => l.Box.Y0);
            Box = lines.Select(l => l.Box).Aggregate((a, b) => a.Union(b));
            CenterY = lines.Average(l => l.Box.CenterY);
            var run = new List<PdfWord>();
            foreach (var w in words)
            {
                // Two figures apart are two cells even closer than a character: narrow columns print them so.
                if (run.Count > 0 && (w.Box.X0 - run.Max(x => x.Box.X1) > Size || ValueParser.IsFigure(run[^1].Text) && ValueParser.IsFigure(w.Text)))
                    Close(run);
                run.Add(w);
            }
            Close(run);
            Figures = Cells.Count(c => c.IsFigure);
        }

        public List<int> LineIds { get; }

        public double Size { get; }

        public double Y { get; }

        public Box Box { get; }

        public double CenterY { get; }

        public List<CellText> Cells { get; } = [];

        public int Figures { get; }

        /// <summary>Several cells side by side: a row of figures or of headers (a table needs a row of figures too).</summary>
        public bool IsCandidate => Cells.Count >= 2;

        private void Close(List<PdfWord> run)
        {
            var text = TextJoin.Words(run);
            var box = run.Select(w => w.Box).Aggregate((a, b) => a.Union(b));
            var figure = ValueParser.Parse(text, ChineseText.Normalize(text)) is not null;
            Cells.Add(new CellText(text, box, figure));
            run.Clear();
        }
    }
}
