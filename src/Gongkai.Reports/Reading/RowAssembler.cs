using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Reading;

/// <summary>
/// A labelled row as found: its key, its figures, and the header text seen before its label.
/// <see cref="Alternative"/>: the other row its label may name (<see cref="LabelMatcher.Alternative"/>).
/// </summary>
internal sealed record RawRow(string Key, List<Token> Values, List<string> Header, int FirstLine, int LastLine)
{
    public string? Alternative { get; init; }
}

/// <summary>
/// Pairs row labels with their figures in every layout the seeds show: a row per line (pipe
/// rows, HTML/DOCX/PDF rows), one cell per line, labels wrapped over several lines, labels of a
/// group printed once (rowspan). The label is the shortest run of text just before the figures
/// that names a row, so header text and wrapped fragments never confuse it.
/// </summary>
internal static class RowAssembler
{
    private const int MaxLabelParts = 6;

    public static List<RawRow> Assemble(List<ParsedLine> lines, int start, int end, ReportTable table)
    {
        var rows = new List<RawRow>();
        var pending = new List<(string Norm, int Line)>();
        RawRow? current = null;
        // The group of table 三 the rows are under (三 for （三）不予公开): numbered rows 1. 2. … are its.
        string? group = null;
        // The label of the last row opened, and the two rows it names when it holds two labels
        // ((七)总计四、结转下年度继续办理: a rule between them missing), for the figures that follow.
        var label = "";
        (int Row, string First, string Second)? twoLabels = null;

        void Close()
        {
            if (current is not null)
                rows.Add(current);
            current = null;
        }

        RawRow? Open(List<Token> values, int line)
        {
            foreach (var (norm, _) in pending)
                group = LabelMatcher.GroupOf(norm) ?? group;
            var (key, from) = MatchPending(pending, table, group);
            if (key is null)
                return null;
            label = string.Concat(pending.Skip(from).Select(p => p.Norm));
            var header = pending.Take(from).Select(p => p.Norm).ToList();
            // The table starts at its first header line; a subheading above it stays prose.
            var start = pending.FindIndex(p => IsHeaderText(p.Norm));
            var first = pending.Count == 0 ? line : pending[start >= 0 && start < from ? start : from].Line;
            var row = new RawRow(key, values, header, first, line) { Alternative = LabelMatcher.Alternative(table, label, key, group) };
            pending.Clear();
            return row;
        }

        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            var split = twoLabels;
            twoLabels = null;
            if (line.IsProse)
            {
                Close();
                pending.Clear();
                continue;
            }
            if (line.IsRow)
            {
                var tokens = line.Tokens;
                var lastText = Array.FindLastIndex(tokens, t => t.IsText);
                if (lastText >= 0)
                {
                    Close();
                    foreach (var t in tokens.Take(lastText + 1))
                    {
                        if (t.IsText && t.Norm.Length > 0)
                            pending.Add((t.Norm, i));
                    }
                    var values = tokens.Skip(lastText + 1).ToList();
                    if (values.Count > 0 && Open(values, i) is { } row)
                    {
                        rows.Add(row);
                        if (LabelMatcher.TwoRows(table, label, group) is var (firstKey, secondKey))
                            twoLabels = (rows.Count - 1, firstKey, secondKey);
                    }
                }
                else if (split is var (index, firstKey, secondKey) && current is null && index == rows.Count - 1)
                {
                    // The second row of a label that names two: the first row's figures came with the label.
                    rows[index] = rows[index] with { Key = firstKey, Alternative = null };
                    rows.Add(new RawRow(secondKey, [.. tokens], [], i, i));
                }
                else if (current is not null)
                {
                    current.Values.AddRange(tokens);
                    current = current with { LastLine = i };
                }
                else
                {
                    current = Open([.. tokens], i);
                    if (current is not null && LabelMatcher.TwoRows(table, label, group) is var (firstRow, secondRow))
                    {
                        // A label naming two rows above two lines of figures: this line is the first row's.
                        rows.Add(current);
                        current = null;
                        twoLabels = (rows.Count - 1, firstRow, secondRow);
                    }
                }
                continue;
            }
            var token = line.Tokens[0];
            if (token.IsText)
            {
                Close();
                pending.Add((token.Norm, i));
            }
            else if (current is not null)
            {
                current.Values.Add(token);
                current = current with { LastLine = i };
            }
            else
            {
                current = Open([token], i);
            }
        }
        Close();
        return rows;
    }

    private static readonly string[] HeaderWords =
    [
        "第二十条", "信息内容", "申请人情况", "勾稽关系", "自然人", "法人或其他组织", "商业企业", "科研机构", "总计",
        "制作数量", "公开数量", "公开总数量", "项目数量", "本年增", "处理决定", "采购", "制发件数", "废止件数", "有效件数", "收费金额",
    ];

    /// <summary>Text that belongs to a table's header rather than to the prose above it.</summary>
    private static bool IsHeaderText(string norm) => norm.Length <= 40 && HeaderWords.Any(w => norm.Contains(w, StringComparison.Ordinal));

    /// <summary>
    /// The row named by the shortest tail of the pending text, and where that tail starts; failing
    /// that, the row its number names under the current group (a label cut short).
    /// </summary>
    private static (string? Key, int From) MatchPending(List<(string Norm, int Line)> pending, ReportTable table, string? group)
    {
        var label = "";
        var first = Math.Max(0, pending.Count - MaxLabelParts);
        for (var k = pending.Count - 1; k >= first; k--)
        {
            label = pending[k].Norm + label;
            if (LabelMatcher.Match(table, label) is { } key)
                return (key, k);
        }
        for (var k = pending.Count - 1; k >= first; k--)
        {
            var part = pending[k].Norm;
            if ((LabelMatcher.ByNumber(table, part, group) ?? (LabelMatcher.OwnPart(part) is { } own ? LabelMatcher.ByNumber(table, own, group) : null)) is { } key)
                return (key, k);
        }
        return (null, 0);
    }

    /// <summary>
    /// Fits the figures found for a row to its columns: drops page numbers and trailing or
    /// leading blanks left by the layout, and gives up (null) rather than guess.
    /// </summary>
    public static List<Token>? Fit(List<Token> values, int expected)
    {
        var v = new List<Token>(values);
        while (v.Count > expected && v.FindLastIndex(t => t.MaybePageNumber) is >= 0 and var p)
            v.RemoveAt(p);
        while (v.Count > expected && v[^1].IsBlank)
            v.RemoveAt(v.Count - 1);
        while (v.Count > expected && v[0].IsBlank)
            v.RemoveAt(0);
        return v.Count == expected ? v : null;
    }
}
