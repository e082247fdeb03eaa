using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Reading;

/// <summary>
/// A report file reduced to what the parser needs, whatever its format: lines in reading order,
/// each a prose paragraph (one cell) or a table row (its cells, blanks kept in place).
/// </summary>
public sealed partial class SourceDocument(string format)
{
    public string Format { get; } = format;

    public List<SourceLine> Lines { get; } = [];

    /// <summary>
    /// A paragraph. A table row flattened into one line with single spaces (copied from a page:
    /// "（一）予以公开 63 1 0 0 1 1 66", or "2 0 0 1 3 …") becomes a row again, so its figures are
    /// never run together into one number.
    /// </summary>
    public void AddParagraph(string text, CellSource place, bool nearPageBreak = false)
    {
        if (string.IsNullOrWhiteSpace(text))
            return;
        var t = text.Trim();
        if (SplitFigures(t) is { } cells)
        {
            AddRow(cells, place);
            return;
        }
        Lines.Add(new SourceLine([t], place, IsRow: false, nearPageBreak));
    }

    /// <summary>
    /// "（一）予以公开 63 1 0" → [（一）予以公开, 63, 1, 0]; "2 0 1" → [2, 0, 1]; null when the text
    /// is not a label followed by two or more figures, or is a whole line that is a page marker
    /// such as "- 3 -" or "3 / 8" (a part of a row, <paramref name="wholeLine"/> false, never is).
    /// </summary>
    internal static string[]? SplitFigures(string text, bool wholeLine = true)
    {
        var t = text.Trim();
        if (!MayBeFlattenedRow(t) || FlattenedRow().Match(t) is not { Success: true } m)
            return null;
        var figures = m.Groups["figures"].Value.Split((char[])[' ', '\t', '\u3000', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
        // A page marker holds two numbers at most (- 3 -, 3 / 8); 0 0 0 / 0 0 0 is a row.
        if (wholeLine && !m.Groups["label"].Success && figures.Length <= 3 && ValueParser.IsPageMarker(Domain.Text.ChineseText.Normalize(t)))
            return null;
        return m.Groups["label"].Success ? [m.Groups["label"].Value, .. figures] : figures;
    }

    /// <summary>
    /// A table row. <paramref name="cellPlaces"/>, when given, says where each cell was printed
    /// (a PDF cell's box, an HTML cell's number when cells before it were left out); otherwise the
    /// cells are numbered within <paramref name="place"/> from 1.
    /// </summary>
    public void AddRow(IReadOnlyList<string> cells, CellSource place, IReadOnlyList<CellSource>? cellPlaces = null)
    {
        if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            Lines.Add(new SourceLine([.. cells.Select(c => c.Trim())], place, IsRow: true, NearPageBreak: false) { CellPlaces = cellPlaces });
    }

    /// <summary>Cheap test before the regex: no full stop, a separator, and a figure at the end.</summary>
    private static bool MayBeFlattenedRow(string t) =>
        t.Length < 400 && t.AsSpan().IndexOfAny(" \t\u3000\u00A0") > 0 && !t.Contains('。', StringComparison.Ordinal)
        && (char.IsAsciiDigit(t[^1]) || t[^1] is '/' or '／' or '—' or '-' or '－' or '无' || t[^1] is >= '０' and <= '９');

    private const string Figure = @"(?:[+\-−]?[\d０-９][\d０-９,，]*(?:[.．][\d０-９]+)?|[/／—\-－无])";

    /// <summary>An optional label not ending in a figure or an empty mark (0 / 0 — 0 is all figures), then two or more figures apart.</summary>
    [GeneratedRegex($@"^(?:(?<label>.*?[^\d０-９\s,，.．%/／—\-－])[\s\u3000]+)?(?<figures>{Figure}(?:[\s\u3000\u00A0]+{Figure})+)$")]
    private static partial Regex FlattenedRow();
}

/// <summary>
/// One line. <see cref="Place"/>: where it was printed. <see cref="IsRow"/>: the cells come from a
/// table row, so a blank cell is a cell. <see cref="NearPageBreak"/>: the line touches a page
/// break, so a lone number may be a page number.
/// </summary>
public sealed record SourceLine(IReadOnlyList<string> Cells, CellSource Place, bool IsRow, bool NearPageBreak)
{
    /// <summary>Where each cell was printed, when the cells have places of their own.</summary>
    public IReadOnlyList<CellSource>? CellPlaces { get; init; }

    /// <summary>The place in Chinese: 第12行, 第2个表格第5行, 第3页.</summary>
    public string Location => Place.Describe();

    /// <summary>Where cell <paramref name="cell"/> of the line was printed.</summary>
    public CellSource CellPlace(int cell) =>
        CellPlaces is { } places && cell < places.Count ? places[cell]
        : Cells.Count > 1 ? Place with { Column = cell + 1 }
        : Place;
}
