using Gongkai.Core.Files;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Reports;
using Gongkai.Reports.Reading;

namespace Gongkai.Core.Supervision;

/// <summary>A cell of a finding as the original file prints it: its path, its name in words, the text printed, where.</summary>
public sealed record EvidenceCell(string Path, string Name, string Text, CellSource Source);

/// <summary>A piece of the original file with a finding's cells marked on it.</summary>
public abstract record Evidence(IReadOnlyList<EvidenceCell> Cells);

/// <summary>A page of a PDF; each cell's box is in its <see cref="CellSource.Box"/>.</summary>
public sealed record PageEvidence(int Page, IReadOnlyList<EvidenceCell> Cells) : Evidence(Cells);

/// <summary>Lines of a text or Markdown file, the first numbered <see cref="First"/>.</summary>
public sealed record LinesEvidence(int First, IReadOnlyList<string> Lines, IReadOnlyList<EvidenceCell> Cells) : Evidence(Cells);

/// <summary>Rows of a table of an HTML page or a DOCX as printed (a Markdown file's HTML table starts on <see cref="Line"/>).</summary>
public sealed record TableEvidence(int Table, int? Line, IReadOnlyList<(int Row, IReadOnlyList<string> Cells)> Rows, IReadOnlyList<EvidenceCell> Cells)
    : Evidence(Cells);

/// <summary>
/// Shows a finding's cells in the report's original file, from where the reader found each
/// (<see cref="Cell.Source"/>): the PDF page with the cells' boxes, the lines of a text file, the
/// rows of an HTML or DOCX table, a few lines or rows around them.
/// </summary>
public sealed class ReportEvidence(FileStore files)
{
    /// <summary>A finding of a whole column names twenty cells; the first few show where they are.</summary>
    private const int MaxCells = 12;

    /// <summary>Lines or rows shown before and after the marked ones.</summary>
    private const int Around = 3;

    public async Task<IReadOnlyList<Evidence>> ForAsync(ReportDetail detail, IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        var report = detail.Item.Report;
        var cells = report.CellsByPath();
        var marked = paths.Distinct(StringComparer.Ordinal)
            .Where(p => cells.TryGetValue(p, out var c) && c.Source is not null)
            .Take(MaxCells)
            .Select(p => new EvidenceCell(p, CellNames.Describe(report.Template, p), cells[p].Text, cells[p].Source!))
            .ToList();
        if (marked.Count == 0)
            return [];
        var bytes = await ReadAsync(detail, cancellationToken);
        if (marked.All(c => c.Source.Page is not null))
            return [.. marked.GroupBy(c => c.Source.Page!.Value).OrderBy(g => g.Key).Select(g => new PageEvidence(g.Key, [.. g]))];
        if (marked.All(c => c.Source.Table is not null) && ReportOriginal.TableRows(bytes) is { } rows)
            return [.. marked.GroupBy(c => (c.Source.Line, c.Source.Table!.Value)).Select(g => Table(rows, g.Key.Line, g.Key.Value, [.. g]))];
        if (marked.All(c => c.Source.Line is not null) && ReportOriginal.Lines(bytes) is { } lines)
            return Lines(lines, marked);
        return [];
    }

    /// <summary>A page of the report's PDF as PNG; null when the report is not a PDF or the page does not exist.</summary>
    public async Task<byte[]?> PageImageAsync(ReportDetail detail, int page, CancellationToken cancellationToken = default) =>
        detail.Row.Format == "pdf" ? ReportOriginal.PageImage(await ReadAsync(detail, cancellationToken), page) : null;

    private async Task<byte[]> ReadAsync(ReportDetail detail, CancellationToken cancellationToken)
    {
        await using var stream = await files.OpenReadAsync(detail.File, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static TableEvidence Table(IReadOnlyList<SourceLine> rows, int? line, int table, List<EvidenceCell> cells)
    {
        var first = cells.Min(c => c.Source.Row ?? 0) - Around;
        var last = cells.Max(c => c.Source.Row ?? 0) + Around;
        var shown = rows.Where(r => r.Place.Table == table && r.Place.Line == line && r.Place.Row >= first && r.Place.Row <= last)
            .Select(r => (r.Place.Row!.Value, (IReadOnlyList<string>)r.Cells)).ToList();
        return new TableEvidence(table, line, shown, cells);
    }

    /// <summary>The lines around the marked cells, one excerpt per run of lines close together.</summary>
    private static List<Evidence> Lines(IReadOnlyList<string> lines, List<EvidenceCell> cells)
    {
        var result = new List<Evidence>();
        var group = new List<EvidenceCell>();
        foreach (var cell in cells.OrderBy(c => c.Source.Line))
        {
            if (group.Count > 0 && cell.Source.Line - group[^1].Source.Line > 2 * Around)
                Flush();
            group.Add(cell);
        }
        Flush();
        return result;

        void Flush()
        {
            if (group.Count == 0)
                return;
            var first = Math.Max(1, group[0].Source.Line!.Value - Around);
            var last = Math.Min(lines.Count, group[^1].Source.Line!.Value + Around);
            result.Add(new LinesEvidence(first, [.. lines.Skip(first - 1).Take(last - first + 1)], [.. group]));
            group = [];
        }
    }
}
