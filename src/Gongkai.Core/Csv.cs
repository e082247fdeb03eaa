using System.Text;

namespace Gongkai.Core;

/// <summary>One CSV record and the line of the file it starts on.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Cells);

/// <summary>
/// CSV as spreadsheet programs read and write it (RFC 4180, UTF-8 with a byte-order mark so Excel
/// reads Chinese): every cell quoted on writing, text a spreadsheet would run as a formula (=, +, -,
/// @) defused with an apostrophe, and read back the same. Reading streams, so a file of a million
/// lines is never held in memory.
/// </summary>
public static class Csv
{
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Quotes a cell, and defuses text a spreadsheet would run as a formula (=, +, -, @).</summary>
    public static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    /// <summary>The apostrophe <see cref="Cell"/> puts before =, +, - and @, taken off again.</summary>
    public static string Undefuse(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;

    /// <summary>RFC 4180 records with the line each starts on; quoted cells may hold commas, quotes and line breaks. A leading BOM is skipped.</summary>
    public static IEnumerable<CsvRecord> Records(TextReader reader)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var line = 1;
        var start = 1;
        var first = true;
        int next;
        while ((next = reader.Read()) >= 0)
        {
            var c = (char)next;
            if (first)
            {
                first = false;
                if (c == '\uFEFF') continue;
            }
            if (quoted)
            {
                if (c == '"' && reader.Peek() == '"')
                {
                    cell.Append('"');
                    reader.Read();
                }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    cell.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    yield return new CsvRecord(start, cells);
                    cells = [];
                    start = ++line;
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            yield return new CsvRecord(start, cells);
        }
    }

    public static IEnumerable<CsvRecord> Records(string text) => Records(new StringReader(text));
}
