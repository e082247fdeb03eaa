using System.Globalization;
using System.Text;

namespace Gongkai.Benchmarks.Accuracy;

/// <summary>
/// What text extraction tools do to a report, applied to its plain text with pipe tables
/// (TextReport): labels torn from their figures, header cells on lines of their own, every cell on
/// a line, page footers in the middle of things, control characters. Deterministic for a Random.
/// </summary>
public static class Mangling
{
    /// <summary>
    /// Every table's row labels first, then its figures a row to a line, as a tool that reads the
    /// label column as one text block and the figures as another prints them.
    /// </summary>
    public static string LabelsThenFigures(string text) => Tables(text, rows =>
    {
        var labels = rows.SelectMany(r => r.TakeWhile(c => !IsFigure(c)).Where(c => c.Length > 0)).ToList();
        var figures = rows.Select(r => string.Join(" ", r.SkipWhile(c => !IsFigure(c)))).Where(f => f.Length > 0).ToList();
        return [.. labels, .. figures];
    });

    /// <summary>Header rows (no figure) a cell to a line; data rows as a label and figures apart by spaces.</summary>
    public static string HeadersOnOwnLines(string text) => Tables(text, rows => rows.SelectMany(r =>
        r.Any(IsFigure)
            ? [string.Join("  ", r.Where(c => c.Length > 0))]
            : r.Where(c => c.Length > 0)).ToList());

    /// <summary>Each cell of a table on a line of its own, as copying a web page's table gives.</summary>
    public static string OneCellPerLine(string text) => Tables(text, rows => [.. rows.SelectMany(r => r.Where(c => c.Length > 0))]);

    /// <summary>A page footer (— 3 —) after every <paramref name="every"/> lines, tables included.</summary>
    public static string PageFooters(string text, int every = 28)
    {
        var lines = text.Split('\n');
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            sb.Append(lines[i]).Append('\n');
            if (i > 0 && i % every == 0)
                sb.Append(CultureInfo.InvariantCulture, $"— {i / every} —\n");
        }
        return sb.ToString();
    }

    /// <summary>Control characters a broken text layer leaves in the prose (never in a figure: that would change what was printed).</summary>
    public static string ControlCharacters(string text, Random random)
    {
        var sb = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.Contains('。', StringComparison.Ordinal) && random.Next(2) == 0)
            {
                var at = random.Next(line.Length);
                sb.Append(line[..at]).Append((char)(random.Next(2) == 0 ? 0x07 : 0x11)).Append(line[at..]);
            }
            else
                sb.Append(line);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Rewrites every block of pipe rows with <paramref name="rewrite"/> (rows as their cells).</summary>
    private static string Tables(string text, Func<List<string[]>, List<string>> rewrite)
    {
        var sb = new StringBuilder();
        var block = new List<string[]>();
        void Flush()
        {
            foreach (var line in rewrite(block))
                sb.Append(line).Append('\n');
            block.Clear();
        }
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('|'))
            {
                block.Add([.. line.Trim().Trim('|').Split('|').Select(c => c.Trim())]);
                continue;
            }
            if (block.Count > 0)
                Flush();
            sb.Append(line).Append('\n');
        }
        if (block.Count > 0)
            Flush();
        return sb.ToString();
    }

    private static bool IsFigure(string cell) =>
        cell is "/" or "—" or "-" or "无" || decimal.TryParse(cell, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
}
