using System.Text.RegularExpressions;

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
    public void AddParagraph(string text, string location, bool nearPageBreak = false)
    {
        if (string.IsNullOrWhiteSpace(text))
            return;
        var t = text.Trim();
        if (SplitFigures(t) is { } cells)
        {
            AddRow(cells, location);
            return;
        }
        Lines.Add(new SourceLine([t], location, IsRow: false, nearPageBreak));
    }

    /// <summary>
    /// "（一）予以公开 63 1 0" → [（一）予以公开, 63, 1, 0]; "2 0 1" → [2, 0, 1]; null when the text
    /// is not a label followed by two or more figures (or is a page marker such as "- 3 -").
    /// </summary>
    internal static string[]? SplitFigures(string text)
    {
        var t = text.Trim();
        if (!MayBeFlattenedRow(t) || FlattenedRow().Match(t) is not { Success: true } m
            || ValueParser.IsPageMarker(Domain.Text.ChineseText.Normalize(t)))
            return null;
        var figures = m.Groups["figures"].Value.Split((char[])[' ', '\t', '\u3000', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
        return m.Groups["label"].Success ? [m.Groups["label"].Value, .. figures] : figures;
    }

    public void AddRow(IReadOnlyList<string> cells, string location)
    {
        if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            Lines.Add(new SourceLine([.. cells.Select(c => c.Trim())], location, IsRow: true, NearPageBreak: false));
    }

    /// <summary>Cheap test before the regex: no full stop, a separator, and a figure at the end.</summary>
    private static bool MayBeFlattenedRow(string t) =>
        t.Length < 400 && t.AsSpan().IndexOfAny(" \t\u3000\u00A0") > 0 && !t.Contains('。', StringComparison.Ordinal)
        && (char.IsAsciiDigit(t[^1]) || t[^1] is '/' or '／' or '—' or '-' or '－' or '无' || t[^1] is >= '０' and <= '９');

    private const string Figure = @"(?:[+\-−]?[\d０-９][\d０-９,，]*(?:[.．][\d０-９]+)?|[/／—\-－无])";

    /// <summary>An optional label not ending in a figure, then two or more figures apart.</summary>
    [GeneratedRegex($@"^(?:(?<label>.*?[^\d０-９\s,，.．%])[\s\u3000]+)?(?<figures>{Figure}(?:[\s\u3000\u00A0]+{Figure})+)$")]
    private static partial Regex FlattenedRow();
}

/// <summary>
/// One line. <see cref="IsRow"/>: the cells come from a table row, so a blank cell is a cell.
/// <see cref="NearPageBreak"/>: the line touches a page break, so a lone number may be a page number.
/// </summary>
public sealed record SourceLine(IReadOnlyList<string> Cells, string Location, bool IsRow, bool NearPageBreak);
