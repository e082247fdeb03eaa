using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Reading;

/// <summary>
/// Table 四 is three groups of five figures under a three-row header. Figures are taken from rows
/// labelled with their group, or from the lines under a line that names a group when each group
/// is a sub-table of its own (Markdown conversions split it so), or else in order from the lines
/// that hold only figures, so header rows with empty cells never add figures.
/// </summary>
internal static class ReviewTableReader
{
    private const int Expected = 15;

    public static void Read(List<ParsedLine> lines, List<Heading> headings, AnnualReport report, bool[] consumed)
    {
        var region = SectionFinder.Region(headings, SectionTopic.ReviewLitigation, lines.Count) ?? FindByHeader(lines, consumed);
        if (region is not var (start, end))
            return;

        var values = new List<Token>();
        // Figures in a row labelled with their group; figures under a line that names a group (a sub-table each).
        var labelled = new Dictionary<string, List<Token>>(StringComparer.Ordinal);
        var grouped = new Dictionary<string, List<Token>>(StringComparer.Ordinal);
        string? group = null;
        int first = -1, last = -1;
        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            if (line.IsProse)
            {
                if (values.Count >= Expected || labelled.Count == 3)
                    break;
                continue;
            }
            var tokens = line.Tokens;
            var lastText = Array.FindLastIndex(tokens, t => t.IsText);
            if (lastText >= 0)
            {
                if (first < 0 && IsHeader(tokens))
                    first = i;
                var label = string.Concat(tokens.Take(lastText + 1).Select(t => t.Norm));
                if (LabelMatcher.Match(ReportTable.ReviewLitigation, LabelMatcher.Bare(label)) is not { } key)
                    continue;
                var figures = tokens.Skip(lastText + 1).ToList();
                if (line.IsRow && figures.Any(t => !t.IsBlank))
                {
                    labelled[key] = figures;
                    last = i;
                }
                else
                    group = key;
                continue;
            }
            values.AddRange(tokens);
            if (group is not null)
                (grouped.TryGetValue(group, out var list) ? list : grouped[group] = []).AddRange(tokens);
            if (first < 0)
                first = i;
            last = i;
        }
        if (first < 0 || last < 0)
            return;
        for (var i = first; i <= last; i++)
            consumed[i] = true;

        var rows = ReportSchema.Rows(report.Template, ReportTable.ReviewLitigation);
        if ((ByGroup(rows, labelled) ?? ByGroup(rows, grouped)) is { } byGroup)
        {
            foreach (var row in rows)
                Set(report, row, byGroup[row.Key]);
            return;
        }
        var fitted = RowAssembler.Fit(values, Expected);
        if (fitted is null)
        {
            report.ReadingFindings.Add(new(Rules.TableIncomplete, Severity.Error,
                $"表四读到{values.Count}个数，应为15个（复议、未经复议起诉、复议后起诉各5个），无法确定各数所属的栏，未作推测",
                [.. rows.SelectMany(r => Enumerable.Range(0, r.Columns.Count).Select(r.CellPath))], FindingOrigin.Reading));
        }
        for (var g = 0; g < rows.Count; g++)
            Set(report, rows[g], fitted?.GetRange(g * 5, 5));
    }

    /// <summary>The figures of every group when each group has its own five, in whatever order the groups were printed.</summary>
    private static Dictionary<string, List<Token>>? ByGroup(IReadOnlyList<RowDef> rows, Dictionary<string, List<Token>> figures)
    {
        var result = new Dictionary<string, List<Token>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!figures.TryGetValue(row.Key, out var found) || RowAssembler.Fit(found, row.Columns.Count) is not { } fitted)
                return null;
            result[row.Key] = fitted;
        }
        return result;
    }

    private static void Set(AnnualReport report, RowDef row, List<Token>? values)
    {
        var cells = values is null
            ? Enumerable.Repeat(Cell.Missing, row.Columns.Count).ToArray()
            : values.Select((t, c) => TableReader.ToCell(t, row.Columns[c], new Dictionary<string, decimal>())).ToArray();
        report.ReviewLitigation.Set(row.Key, cells);
    }

    /// <summary>A header cell of table 四 itself, not a subheading that mentions 复议.</summary>
    private static bool IsHeader(Token[] tokens) => tokens.Any(t =>
        t.Norm is "行政复议" or "行政诉讼" or "结果维持" or "尚未审结" || t.Norm.Contains("未经复议", StringComparison.Ordinal)
        || t.Norm.Contains("复议后起诉", StringComparison.Ordinal));

    /// <summary>Without a section heading, the table starts at a 行政复议 header cell followed by 行政诉讼.</summary>
    private static (int, int)? FindByHeader(List<ParsedLine> lines, bool[] consumed)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (consumed[i] || lines[i].IsProse)
                continue;
            if (!lines[i].Tokens.Any(t => t.Norm == "行政复议"))
                continue;
            for (var j = i; j < Math.Min(lines.Count, i + 4); j++)
            {
                if (lines[j].Tokens.Any(t => t.Norm == "行政诉讼"))
                {
                    var end = i + 1;
                    while (end < lines.Count && !consumed[end] && !lines[end].IsProse)
                        end++;
                    return (i, end);
                }
            }
        }
        return null;
    }
}
