using Gongkai.Domain.Text;

namespace Gongkai.Domain.Reports;

/// <summary>A cell that differs between two reports of one agency.</summary>
public sealed record CellChange(string Path, decimal? Previous, decimal? Current)
{
    public decimal? Delta => Current - Previous;
}

/// <summary>How much of a section repeats the same section of the previous year's report.</summary>
public sealed record SectionRepetition(SectionTopic Topic, string Heading, double Rate, int Length);

/// <summary>
/// Compares two years of one agency: the cells that changed, and the repetition rate of each
/// section (copy-paste reports repeat last year's prose with new figures).
/// </summary>
public static class ReportComparison
{
    /// <summary>Shingle length: long enough that shared set phrases (依法做好…) do not count alone.</summary>
    private const int Shingle = 8;

    public static IReadOnlyList<CellChange> Changes(AnnualReport previous, AnnualReport current)
    {
        var before = previous.Cells().ToDictionary(c => c.Path, c => c.Cell.Value);
        var changes = new List<CellChange>();
        foreach (var (path, _, _, cell) in current.Cells())
        {
            if (before.TryGetValue(path, out var old) && old != cell.Value)
                changes.Add(new CellChange(path, old, cell.Value));
        }
        return changes;
    }

    public static IReadOnlyList<SectionRepetition> Repetition(AnnualReport previous, AnnualReport current)
    {
        var result = new List<SectionRepetition>();
        foreach (var section in current.Sections.Where(s => s.Topic != SectionTopic.Other))
        {
            var old = previous.Sections.Find(s => s.Topic == section.Topic);
            if (old is null)
                continue;
            var text = Comparable(section.Text);
            result.Add(new SectionRepetition(section.Topic, section.Heading, Rate(Comparable(old.Text), text), text.Length));
        }
        return result;
    }

    /// <summary>Share of the current text's 8-character shingles found in the previous text (0–1).</summary>
    public static double Rate(string previous, string current)
    {
        if (current.Length < Shingle)
            return current.Length > 0 && previous.Contains(current, StringComparison.Ordinal) ? 1 : 0;
        var seen = new HashSet<(ulong, ulong)>();
        for (var i = 0; i + Shingle <= previous.Length; i++)
            seen.Add(Key(previous, i));
        int total = 0, repeated = 0;
        for (var i = 0; i + Shingle <= current.Length; i++)
        {
            total++;
            if (seen.Contains(Key(current, i)))
                repeated++;
        }
        return (double)repeated / total;
    }

    /// <summary>The eight UTF-16 units of a shingle packed into two numbers: exact, and without a substring per position.</summary>
    private static (ulong, ulong) Key(string text, int start)
    {
        ulong Four(int at) => (ulong)text[at] << 48 | (ulong)text[at + 1] << 32 | (ulong)text[at + 2] << 16 | text[at + 3];
        return (Four(start), Four(start + 4));
    }

    /// <summary>Prose compared without figures, years, punctuation and script differences.</summary>
    private static string Comparable(string text)
    {
        var norm = ChineseText.Normalize(text);
        return string.Concat(norm.Where(ChineseText.IsCjk));
    }
}

/// <summary>A region's summary (汇总) computed from its units' reports: every figure summed.</summary>
public static class ReportSummation
{
    public static AnnualReport Sum(ReportTemplate template, int year, string agency, IReadOnlyList<AnnualReport> units)
    {
        var summary = new AnnualReport { Template = template, Year = year, Agency = agency };
        foreach (var table in ReportSchema.Tables)
        {
            foreach (var row in ReportSchema.Rows(template, table))
            {
                var cells = new Cell[row.Columns.Count];
                for (var c = 0; c < cells.Length; c++)
                {
                    decimal? sum = 0;
                    foreach (var unit in units)
                        sum += unit.Table(table).Value(row.Key, c);
                    cells[c] = sum is { } s ? Cell.Of(s) : Cell.Unreadable("");
                }
                summary.Table(table).Set(row.Key, cells);
            }
        }
        return summary;
    }
}
