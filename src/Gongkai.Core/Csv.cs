using System.Globalization;
using CsvHelper;

namespace Gongkai.Core;

/// <summary>One CSV record and the line of the file it starts on.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Cells);

/// <summary>
/// CSV as spreadsheet programs read and write it, through CsvHelper: RFC 4180, UTF-8 with a
/// byte-order mark so Excel and WPS read Chinese, every cell quoted on writing, text a spreadsheet
/// would run as a formula (=, +, -, @, tab, CR) defused with an apostrophe, and read back the same.
/// Reading streams, so a file of a million lines is never held in memory.
/// </summary>
public static class Csv
{
    /// <summary>How every spreadsheet export of Core writes: quoted cells, defused formulas, CRLF, BOM.</summary>
    public static readonly CsvWriterOptions Spreadsheet = CsvWriterOptions.Default with
    {
        Quoting = CsvQuoting.Always,
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>Comma-separated whatever the first lines look like, line numbers counted, blank lines skipped.</summary>
    private static readonly CsvReaderOptions Reading = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        TrackLineNumbers = true,
        DetectSeparatorHint = false,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>A writer of <see cref="Spreadsheet"/> CSV; the BOM comes first.</summary>
    public static CsvWriter Writer(Stream output, bool leaveOpen = false) => CsvWriter.Create(output, Spreadsheet, leaveOpen);

    /// <summary>A record's cells for the writer, null written as an empty cell.</summary>
    public static string[] Cells(IEnumerable<string?> cells) => [.. cells.Select(c => c ?? "")];

    /// <summary>One record as <see cref="Writer"/> writes it, without the BOM: for headers and tests.</summary>
    public static string Line(IEnumerable<string?> cells)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Spreadsheet with { WriteByteOrderMark = false }, leaveOpen: true))
            csv.WriteRecord(Cells(cells));
        return text.ToString();
    }

    /// <summary>The apostrophe the writer puts before =, +, -, @, tab and CR, taken off again.</summary>
    public static string Undefuse(string cell) =>
        cell.Length > 1 && cell[0] == Spreadsheet.InjectionEscape && Spreadsheet.InjectionCharacters.AsSpan().Contains(cell[1]) ? cell[1..] : cell;

    /// <summary>RFC 4180 records with the line each starts on; quoted cells may hold commas, quotes and line breaks. A leading BOM is skipped.</summary>
    public static IEnumerable<CsvRecord> Records(TextReader reader)
    {
        using var csv = CsvReader.Create(reader, Reading, leaveOpen: true);
        while (csv.Read())
            yield return new CsvRecord((int)csv.LineNumber, csv.Current.ToArray());
    }

    public static IEnumerable<CsvRecord> Records(string text) => Records(new StringReader(text));
}
