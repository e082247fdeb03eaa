using Gongkai.Domain.Text;
using Gongkai.Reports.Reading;

namespace Gongkai.Reports.Formats.Pdf;

/// <summary>A table row rebuilt from word positions: its cells with blanks in place, and its height on the page.</summary>
internal sealed record PositionedRow(double Y, List<string> Cells);

/// <summary>
/// Tables drawn without rules. Words of one row sit in different poppler blocks, so rows are
/// rebuilt across blocks by height; cells are runs of words separated by more than a character's
/// width. Figures are centred under their column, so the columns are the clusters of the
/// figures' centres over the table, and a row with no figure under a column gets a blank there.
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
            if (region.Count(r => r.Figures > 0) >= 2)
                result.Emit(region);
            i = end;
        }
        return result;
    }

    private void Emit(List<VisualRow> region)
    {
        var size = region.Average(r => r.Size);
        var columns = Columns(region.SelectMany(r => r.Cells.Where(c => c.IsFigure).Select(c => c.Box.CenterX)), size);
        var figureArea = columns[0] - size;
        foreach (var row in region)
        {
            foreach (var id in row.LineIds)
                Lines.Add(id);
            var cells = row.Cells.Where(c => !c.IsFigure || c.Box.CenterX < figureArea).Select(c => c.Text).ToList();
            if (row.Figures > 0)
            {
                var slots = new string[columns.Count];
                Array.Fill(slots, "");
                foreach (var cell in row.Cells.Where(c => c.IsFigure && c.Box.CenterX >= figureArea))
                {
                    var nearest = columns.Select((x, k) => (Distance: Math.Abs(x - cell.Box.CenterX), k)).Min().k;
                    slots[nearest] = slots[nearest].Length == 0 ? cell.Text : slots[nearest] + " " + cell.Text;
                }
                cells.AddRange(slots);
            }
            Rows.Add(new PositionedRow(row.Y, cells));
        }
    }

    /// <summary>Centres of figures clustered into columns, left to right.</summary>
    private static List<double> Columns(IEnumerable<double> centres, double size)
    {
        var columns = new List<double>();
        var run = new List<double>();
        foreach (var x in centres.Order())
        {
            if (run.Count > 0 && x - run[^1] > size)
            {
                columns.Add(run.Average());
                run.Clear();
            }
            run.Add(x);
        }
        if (run.Count > 0)
            columns.Add(run.Average());
        return columns;
    }

    /// <summary>A short line of label text between two rows of the table: the wrapped part of a label.</summary>
    private static bool IsContinuation(List<VisualRow> rows, int i)
    {
        if (i + 1 >= rows.Count || !rows[i + 1].IsCandidate || rows[i].Figures > 0)
            return false;
        var row = rows[i];
        var pitch = 1.8 * row.Size;
        return row.Cells.Sum(c => c.Text.Length) <= 30
               && row.Y - rows[i - 1].Y <= pitch && rows[i + 1].Y - row.Y <= pitch;
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
            var run = new List<PdfWord>();
            foreach (var w in words)
            {
                if (run.Count > 0 && w.Box.X0 - run.Max(x => x.Box.X1) > Size)
                    Close(run);
                run.Add(w);
            }
            Close(run);
            Figures = Cells.Count(c => c.IsFigure);
        }

        public List<int> LineIds { get; }

        public double Size { get; }

        public double Y { get; }

        public List<CellText> Cells { get; } = [];

        public int Figures { get; }

        /// <summary>Several cells, one of them a figure, or a header of three or more cells.</summary>
        public bool IsCandidate => Cells.Count >= 2 && (Figures > 0 || Cells.Count >= 3);

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
