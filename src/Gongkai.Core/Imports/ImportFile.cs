using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Gongkai.Core.Imports;

/// <summary>A column of an import file: its key (the JSON Lines property) and its header in the CSV, either of which the header may use.</summary>
public sealed record ImportColumn(string Key, string Header, bool Required = false);

/// <summary>One row of a file by column key, with the line it starts on; <see cref="Error"/> when the line could not be read at all.</summary>
public sealed record ImportRow(int Line, IReadOnlyDictionary<string, string> Cells, string? Error = null)
{
    /// <summary>The cell, trimmed; "" when the column is absent or empty.</summary>
    public string this[string key] => Cells.TryGetValue(key, out var value) ? value.Trim() : "";

    public string? Optional(string key) => this[key] is { Length: > 0 } value ? value : null;
}

/// <summary>A file to import: its name, its SHA-256 (what a resumed run recognises it by), and its rows, read as they are needed.</summary>
public sealed record ImportSource(string FileName, string Sha256, IEnumerable<ImportRow> Rows, string? HeaderError = null);

/// <summary>
/// Reads CSV (a header line of column names or keys, then one row a record) or JSON Lines (one object
/// a line, keyed like the columns) — told apart by the content, never the file name — into rows by
/// column key. The file is read twice: once for its SHA-256, once row by row, so a million lines
/// never sit in memory.
/// </summary>
public static class ImportFile
{
    public static ImportSource Read(Func<Stream> open, string fileName, IReadOnlyList<ImportColumn> columns)
    {
        string sha;
        bool json;
        using (var stream = open())
        {
            sha = Convert.ToHexStringLower(SHA256.HashData(stream));
            stream.Position = 0;
            if (IsBinary(stream)) return new ImportSource(fileName, sha, [], NotText);
            stream.Position = 0;
            json = FirstSignificant(stream) == '{';
        }
        if (json) return new ImportSource(fileName, sha, JsonRows(open, columns));
        using (var reader = Reader(open()))
        {
            var header = Csv.Records(reader).FirstOrDefault();
            if (header is null) return new ImportSource(fileName, sha, [], "文件为空：第1行应为表头。");
            if (HeaderError(header.Cells, columns) is { } error) return new ImportSource(fileName, sha, [], error);
        }
        return new ImportSource(fileName, sha, CsvRows(open, columns));
    }

    public const string NotText = "文件不是 CSV 或 JSON Lines 文本文件（Excel 工作簿请先“另存为”“CSV UTF-8（逗号分隔）”）。";

    /// <summary>A ZIP (an .xlsx is one) or any file with a NUL byte near its start is not a text file.</summary>
    private static bool IsBinary(Stream stream)
    {
        var start = new byte[8192];
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return start.AsSpan(0, read).StartsWith("PK\u0003\u0004"u8) || start.AsSpan(0, read).Contains((byte)0);
    }

    /// <summary>The CSV header of the columns, as an export writes it.</summary>
    public static string Header(IEnumerable<ImportColumn> columns) => Csv.Line(columns.Select(c => c.Header));

    private static string? HeaderError(IReadOnlyList<string> header, IReadOnlyList<ImportColumn> columns)
    {
        var unknown = header.Select(h => h.Trim()).Where(h => h.Length > 0 && Find(columns, h) is null).ToList();
        var missing = columns.Where(c => c.Required && !header.Any(h => Find(columns, h.Trim()) == c)).Select(c => c.Header).ToList();
        var problems = new List<string>();
        if (unknown.Count > 0) problems.Add($"不认识的列：{string.Join("、", unknown)}");
        if (missing.Count > 0) problems.Add($"缺少必填列：{string.Join("、", missing)}");
        return problems.Count == 0 ? null : $"第1行表头有误（{string.Join("；", problems)}）。表头应为：{string.Join(",", columns.Select(c => c.Header))}";
    }

    private static ImportColumn? Find(IReadOnlyList<ImportColumn> columns, string name) =>
        columns.FirstOrDefault(c => c.Header == name || string.Equals(c.Key, name, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<ImportRow> CsvRows(Func<Stream> open, IReadOnlyList<ImportColumn> columns)
    {
        using var reader = Reader(open());
        ImportColumn?[]? map = null;
        foreach (var record in Csv.Records(reader))
        {
            if (map is null)
            {
                map = [.. record.Cells.Select(h => Find(columns, h.Trim()))];
                continue;
            }
            if (record.Cells.All(c => c.Trim().Length == 0)) continue;
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < record.Cells.Count && i < map.Length; i++)
                if (map[i] is { } column) cells[column.Key] = Csv.Undefuse(record.Cells[i]);
            yield return record.Cells.Count > map.Length
                ? new ImportRow(record.Line, cells, string.Create(CultureInfo.InvariantCulture,
                    $"有{record.Cells.Count}列，表头只有{map.Length}列（内容中含逗号、引号或换行时，整格须用英文双引号括起）"))
                : new ImportRow(record.Line, cells);
        }
    }

    private static IEnumerable<ImportRow> JsonRows(Func<Stream> open, IReadOnlyList<ImportColumn> columns)
    {
        using var reader = Reader(open());
        var number = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            number++;
            if (text.Trim().Length == 0) continue;
            yield return JsonRow(number, text, columns);
        }
    }

    private static ImportRow JsonRow(int line, string text, IReadOnlyList<ImportColumn> columns)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return new ImportRow(line, cells, "这一行不是一个 JSON 对象");
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (columns.FirstOrDefault(c => c.Key == property.Name) is not { } column) continue;
                cells[column.Key] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Null => "",
                    JsonValueKind.Array => string.Join('|', property.Value.EnumerateArray().Select(Element)),
                    _ => property.Value.GetRawText(),
                };
            }
            return new ImportRow(line, cells);
        }
        catch (JsonException)
        {
            return new ImportRow(line, cells, "这一行不是有效的 JSON");
        }
    }

    /// <summary>An array item: a string, or an object's <c>file</c> (attachments as the export writes them).</summary>
    private static string Element(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.String => item.GetString()!,
        JsonValueKind.Object when item.TryGetProperty("file", out var file) && file.ValueKind == JsonValueKind.String => file.GetString()!,
        _ => item.GetRawText(),
    };

    private static int FirstSignificant(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        int c;
        while ((c = reader.Read()) >= 0 && (char.IsWhiteSpace((char)c) || c == '\uFEFF')) { }
        return c;
    }

    private static StreamReader Reader(Stream stream) =>
        new(stream, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true);
}
