namespace Gongkai.Reports.Formats.Pdf;

/// <summary>
/// A line of a PDF printed from a text report as it was ("一、本年新收… | 0 | 3 |"): a row whose cells
/// the pipes separate, split as the text reader splits a pipe row (the outer pipes frame it, inner
/// empties are cells), each cell with the box of its words (an empty one, of the pipe that closes it).
/// </summary>
internal static class PipeRow
{
    public static bool Is(PdfLine line) => line.Words.Any(w => w.Text.Contains('|', StringComparison.Ordinal));

    public static PositionedRow Split(PdfLine line)
    {
        var parts = new List<(List<PdfWord> Words, Box Closed)>();
        var current = new List<PdfWord>();
        foreach (var word in line.Words.OrderBy(w => w.Box.X0))
        {
            var pieces = word.Text.Split('|');
            for (var i = 0; i < pieces.Length; i++)
            {
                if (i > 0)
                {
                    parts.Add((current, word.Box));
                    current = [];
                }
                if (pieces[i].Length > 0)
                    current.Add(word with { Text = pieces[i] });
            }
        }
        parts.Add((current, line.Box));
        var words = line.Words;
        var from = words.MinBy(w => w.Box.X0)!.Text.StartsWith('|') ? 1 : 0;
        var to = words.MaxBy(w => w.Box.X1)!.Text.EndsWith('|') ? parts.Count - 1 : parts.Count;
        var cells = parts.Take(to).Skip(from).ToList();
        return new PositionedRow(line.Box.Y0,
            [.. cells.Select(c => TextJoin.Words(c.Words))],
            [.. cells.Select(c => c.Words.Count > 0 ? c.Words.Select(w => w.Box).Aggregate((a, b) => a.Union(b)) : c.Closed)]);
    }
}
