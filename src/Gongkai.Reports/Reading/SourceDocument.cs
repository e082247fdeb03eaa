namespace Gongkai.Reports.Reading;

/// <summary>
/// A report file reduced to what the parser needs, whatever its format: lines in reading order,
/// each a prose paragraph (one cell) or a table row (its cells, blanks kept in place).
/// </summary>
public sealed class SourceDocument(string format)
{
    public string Format { get; } = format;

    public List<SourceLine> Lines { get; } = [];

    public void AddParagraph(string text, string location, bool nearPageBreak = false)
    {
        if (!string.IsNullOrWhiteSpace(text))
            Lines.Add(new SourceLine([text.Trim()], location, IsRow: false, nearPageBreak));
    }

    public void AddRow(IReadOnlyList<string> cells, string location)
    {
        if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            Lines.Add(new SourceLine([.. cells.Select(c => c.Trim())], location, IsRow: true, NearPageBreak: false));
    }
}

/// <summary>
/// One line. <see cref="IsRow"/>: the cells come from a table row, so a blank cell is a cell.
/// <see cref="NearPageBreak"/>: the line touches a page break, so a lone number may be a page number.
/// </summary>
public sealed record SourceLine(IReadOnlyList<string> Cells, string Location, bool IsRow, bool NearPageBreak);
