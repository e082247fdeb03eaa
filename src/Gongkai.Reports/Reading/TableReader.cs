using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;

namespace Gongkai.Reports.Reading;

/// <summary>A table whose rows could not all be read by their labels, and the lines it was looked for in.</summary>
internal sealed record IncompleteTable(ReportTable Table, int Start, int End);

/// <summary>Reads tables 二, 三 and 四 of a 2019 or 2021 report into the model.</summary>
internal static class TableReader
{
    /// <summary>Reads the tables; returns those whose rows could not all be read by their labels.</summary>
    public static List<IncompleteTable> Read(List<ParsedLine> lines, List<Heading> headings, AnnualReport report, bool[] consumed)
    {
        var incomplete = new List<IncompleteTable>();
        foreach (var table in new[] { ReportTable.Proactive, ReportTable.Requests })
        {
            var topic = table == ReportTable.Proactive ? SectionTopic.Proactive : SectionTopic.Requests;
            var region = SectionFinder.Region(headings, topic, lines.Count);
            var (start, end) = region ?? (0, lines.Count);
            var rows = RowAssembler.Assemble(lines, start, end, table);
            if (rows.Count == 0)
            {
                // No label at all: only a section of its own holds the figures that might be recovered.
                if (region is not null)
                    incomplete.Add(new IncompleteTable(table, start, end));
                continue;
            }
            Mark(consumed, rows[0].FirstLine, rows[^1].LastLine);
            if (!Build(report, table, rows))
                incomplete.Add(new IncompleteTable(table, region is null ? rows[0].FirstLine : start, region is null ? rows[^1].LastLine + 1 : end));
        }
        ReviewTableReader.Read(lines, headings, report, consumed);
        return incomplete;
    }

    private static void Mark(bool[] consumed, int first, int last)
    {
        for (var i = first; i <= last; i++)
            consumed[i] = true;
    }

    /// <summary>Sets the table's rows from the labelled rows found; false when a row was missing or did not fit.</summary>
    private static bool Build(AnnualReport report, ReportTable table, List<RawRow> rows)
    {
        var complete = true;
        rows = Unrun(rows);
        var data = report.Table(table);
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var unitsByRow = new Dictionary<RawRow, Dictionary<string, decimal>>();
        foreach (var row in rows)
        {
            if (row.Header.Count > 0 && HeaderUnits.StartsBlock(row.Header))
                units = HeaderUnits.Read(row.Header);
            unitsByRow[row] = units;
        }

        var schema = ReportSchema.Rows(report.Template, table).ToList();
        if (table == ReportTable.Requests)
            schema = SplitOrSingleOther(report, rows, schema);
        foreach (var def in schema)
        {
            var found = rows.Where(r => r.Key == def.Key).ToList();
            if (found.Count == 0)
            {
                complete = false;
                data.Set(def.Key, Missing(def));
                report.ReadingFindings.Add(new(Rules.TableIncomplete, Severity.Warning,
                    $"{CellNames.TableName(table)}中没有找到“{CellNames.Label(def)}”行", Paths(def), FindingOrigin.Reading));
                continue;
            }
            // A header cell that names a row (总计, 其他) followed by empty cells is not that row:
            // a row with figures wins over one of blanks only.
            var fitted = found.Select(r => (Row: r, Values: RowAssembler.Fit(r.Values, def.Columns.Count)))
                              .Where(x => x.Values is not null)
                              .OrderBy(x => x.Values!.All(t => t.IsBlank) ? 1 : 0)
                              .FirstOrDefault();
            if (fitted.Values is null)
            {
                complete = false;
                data.Set(def.Key, Missing(def));
                report.ReadingFindings.Add(new(Rules.TableIncomplete, Severity.Error,
                    $"{CellNames.TableName(table)}“{CellNames.Label(def)}”行读到{found[0].Values.Count}个数，应为{def.Columns.Count}个，无法确定各数所属的栏，未作推测",
                    Paths(def), FindingOrigin.Reading));
                continue;
            }
            var scales = unitsByRow[fitted.Row];
            data.Set(def.Key, [.. fitted.Values.Select((t, c) => ToCell(t, def.Columns[c], scales))]);
        }
        return complete;
    }

    /// <summary>
    /// Prefers what makes the template's rows whole when rules and words disagree: a label that
    /// names two rows (the end of the row above run on into it, as fixed row heights print it) is
    /// the row not yet read, when the one its whole text names was read above with figures.
    /// </summary>
    private static List<RawRow> Unrun(List<RawRow> rows)
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<RawRow>(rows.Count);
        foreach (var row in rows)
        {
            var r = row.Alternative is { } other && read.Contains(row.Key) && !read.Contains(other) ? row with { Key = other } : row;
            if (r.Values.Any(v => !v.IsBlank))
                read.Add(r.Key);
            result.Add(r);
        }
        return result;
    }

    /// <summary>
    /// A 2021 report that prints one （六）其他处理 row, or a 2019 report with the three split rows,
    /// keeps the rows it printed; the mismatch is reported rather than the rows forced.
    /// </summary>
    private static List<RowDef> SplitOrSingleOther(AnnualReport report, List<RawRow> rows, List<RowDef> schema)
    {
        var other = report.Template == ReportTemplate.Y2021 ? ReportTemplate.Y2019 : ReportTemplate.Y2021;
        var theirs = ReportSchema.Rows(other, ReportTable.Requests).Where(d => schema.All(s => s.Key != d.Key)).ToList();
        var ours = schema.Where(d => ReportSchema.Row(other, ReportTable.Requests, d.Key) is null).ToList();
        if (!theirs.Any(d => rows.Any(r => r.Key == d.Key)) || ours.Any(d => rows.Any(r => r.Key == d.Key)))
            return schema;
        report.ReadingFindings.Add(new(Rules.TemplateMismatch, Severity.Warning,
            report.Template == ReportTemplate.Y2021
                ? "表三“（六）其他处理”只有一行，未按2021年版格式分为三项"
                : "表三“（六）其他处理”分为三项，与本报告其余部分使用的2019年版格式不一致",
            []));
        var merged = schema.Except(ours).ToList();
        merged.InsertRange(merged.FindIndex(d => d.Key == "results.total"), theirs);
        return merged;
    }

    internal static Cell ToCell(Token token, ColumnDef column, IReadOnlyDictionary<string, decimal> headerScales)
    {
        var figure = token.Figure!.Value;
        if (figure.Form == CellForm.Unreadable || figure.Value is not { } value)
            return Cell.Unreadable(token.Raw) with { Source = token.Source };
        if (figure.Form != CellForm.Number)
            return new Cell(0, token.Raw, figure.Form) { Source = token.Source };
        decimal scale;
        if (figure.Unit.Length > 0)
            scale = column.Kind == ColumnKind.Amount ? ValueParser.AmountScale(figure.Unit) : ValueParser.CountScale(figure.Unit);
        else
            scale = headerScales.GetValueOrDefault(column.Key, 1m);
        return new Cell(value * scale, token.Raw, CellForm.Number) { Source = token.Source };
    }

    private static Cell[] Missing(RowDef def) => [.. Enumerable.Repeat(Cell.Missing, def.Columns.Count)];

    private static string[] Paths(RowDef def) => [.. Enumerable.Range(0, def.Columns.Count).Select(def.CellPath)];
}
