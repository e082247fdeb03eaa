using System.Globalization;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;

namespace Gongkai.Reports.Reading;

/// <summary>
/// Recovery by position, for a table whose row labels were lost or torn from their figures (text
/// tools print all labels, then all figures; header cells on lines of their own): when the figures
/// of its section are exactly as many as the template's rows and columns hold, they are put in the
/// template's order, row by row. The result stands only when the prose confirms it — at least one
/// figure the prose states agrees with a recovered cell and none disagrees — rows still read by
/// their labels agree with it, and (table 三) its rows add up as a table's rows do. Each such cell
/// has form <see cref="CellForm.Recovered"/>, and a <c>table.recovered</c> warning names the
/// confirmation. Otherwise nothing is guessed: the table stays incomplete.
/// </summary>
internal static class PositionRecovery
{
    /// <summary>Below this share of rows whose applicants add up to their total, the order is not a table's.</summary>
    private const double MinRowsAddingUp = 0.8;

    /// <summary>Tries every incomplete table; returns whether any was recovered.</summary>
    public static bool Apply(List<ParsedLine> lines, AnnualReport report, List<IncompleteTable> tables, bool[] consumed)
    {
        var recovered = false;
        foreach (var table in tables)
        {
            if (Recover(lines, report, table) is not { } region)
                continue;
            for (var i = region.Start; i < region.End; i++)
            {
                if (!lines[i].IsProse)
                    consumed[i] = true;
            }
            recovered = true;
        }
        return recovered;
    }

    private static IncompleteTable? Recover(List<ParsedLine> lines, AnnualReport report, IncompleteTable incomplete)
    {
        var table = incomplete.Table;
        var rows = report.Rows(table).ToList();
        var expected = rows.Sum(r => r.Columns.Count);
        var figures = Figures(lines, incomplete.Start, incomplete.End, pageNumbers: true);
        if (figures.Count != expected)
            figures = Figures(lines, incomplete.Start, incomplete.End, pageNumbers: false);
        if (figures.Count != expected)
        {
            Note(report, table, string.Create(CultureInfo.InvariantCulture,
                $"数字共{figures.Count}个，与模板{rows.Count}行应有的{expected}个不符，未按行序恢复"));
            return null;
        }

        var data = report.Table(table);
        var saved = rows.ToDictionary(r => r.Key, r => data[r.Key]);
        var at = 0;
        foreach (var row in rows)
        {
            var cells = figures.GetRange(at, row.Columns.Count).Select((t, c) => Recovered(t, row.Columns[c])).ToArray();
            at += row.Columns.Count;
            // A row still read by its label must say the same as its place in the order.
            if (saved[row.Key] is { } read && read.All(c => c.IsReadable) && !read.Select(c => c.Value).SequenceEqual(cells.Select(c => c.Value)))
            {
                Restore(data, saved);
                Note(report, table, $"按行序排列时“{CellNames.Label(row)}”行与按行名读到的数字不同，未按行序恢复");
                return null;
            }
            data.Set(row.Key, cells);
        }
        if (table == ReportTable.Requests && !RowsAddUp(data, rows))
        {
            Restore(data, saved);
            Note(report, table, "按行序排列后多数行的各栏之和不等于总计，数字的次序不是表格的次序，未按行序恢复");
            return null;
        }

        var id = ReportSchema.TableId(table) + ".";
        var claims = ProseClaims.Find(report).Where(c => c.Readings.Any(r => r.Cells.Any(p => p.StartsWith(id, StringComparison.Ordinal)))).ToList();
        var confirming = claims.Where(c => c.Agreeing is { } a && a.Cells.Any(p => p.StartsWith(id, StringComparison.Ordinal))).ToList();
        var contradicting = claims.Where(c => c.IsCheckable && c.Agreeing is null).ToList();
        if (confirming.Count == 0 || contradicting.Count > 0)
        {
            Restore(data, saved);
            Note(report, table, contradicting.Count > 0
                ? $"按行序排列后与正文“{contradicting[0].Sentence}”（{contradicting[0].Statement}）不符，未按行序恢复"
                : "正文中没有可以印证的数字，未按行序恢复");
            return null;
        }

        report.ReadingFindings.RemoveAll(f => f.Rule == Rules.TableIncomplete && f.Cells.Any(p => p.StartsWith(id, StringComparison.Ordinal)));
        var name = CellNames.TableName(table);
        var quoted = string.Join("、", confirming.Take(3).Select(c => $"“{c.Matched}”"));
        report.ReadingFindings.Add(new(Rules.TableRecovered, Severity.Warning,
            string.Create(CultureInfo.InvariantCulture,
                $"{name}的行名与数字未能对应（行名缺失或与数字分离），按模板的{rows.Count}行、共{expected}个数的行序和栏序逐格恢复；正文所述{quoted}{(confirming.Count > 3 ? $"等{confirming.Count}处数字" : "")}与恢复结果一致，可作印证，请对照原文件核实"),
            [.. rows.SelectMany(r => Enumerable.Range(0, r.Columns.Count).Select(r.CellPath))], FindingOrigin.Reading));
        return incomplete;
    }

    /// <summary>
    /// The figures of the table's lines in reading order: those after a line's last label, a line
    /// of blank cells after a label (a header row's empty cells) left out; a lone number at a page
    /// break left out too unless <paramref name="pageNumbers"/>.
    /// </summary>
    private static List<Token> Figures(List<ParsedLine> lines, int start, int end, bool pageNumbers)
    {
        var figures = new List<Token>();
        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            if (line.IsProse)
                continue;
            var lastText = Array.FindLastIndex(line.Tokens, t => t.IsText);
            var values = line.Tokens.Skip(lastText + 1).Where(t => pageNumbers || !t.MaybePageNumber).ToList();
            if (lastText >= 0 && values.All(t => t.IsBlank))
                continue;
            figures.AddRange(values);
        }
        return figures;
    }

    private static Cell Recovered(Token token, ColumnDef column)
    {
        var cell = TableReader.ToCell(token, column, new Dictionary<string, decimal>());
        return cell.Form == CellForm.Unreadable ? cell : new Cell(cell.Value, cell.Text, CellForm.Recovered) { Source = cell.Source };
    }

    private static bool RowsAddUp(StatTable data, List<RowDef> rows)
    {
        int checkable = 0, adding = 0;
        foreach (var row in rows)
        {
            var cells = data[row.Key]!;
            if (cells.Any(c => c.Value is null))
                continue;
            checkable++;
            if (cells.Take(ReportSchema.TotalColumn).Sum(c => c.Value!.Value) == cells[ReportSchema.TotalColumn].Value)
                adding++;
        }
        return checkable > 0 && adding >= MinRowsAddingUp * checkable;
    }

    private static void Restore(StatTable data, Dictionary<string, Cell[]?> saved)
    {
        foreach (var (key, cells) in saved)
        {
            if (cells is null)
                data.Remove(key);
            else
                data.Set(key, cells);
        }
    }

    /// <summary>Says on the table's first incomplete finding why it was not recovered by position.</summary>
    private static void Note(AnnualReport report, ReportTable table, string why)
    {
        var id = ReportSchema.TableId(table) + ".";
        var i = report.ReadingFindings.FindIndex(f => f.Rule == Rules.TableIncomplete && f.Cells.Any(p => p.StartsWith(id, StringComparison.Ordinal)));
        if (i >= 0)
            report.ReadingFindings[i] = report.ReadingFindings[i] with { Message = report.ReadingFindings[i].Message + "（" + why + "）" };
    }
}
