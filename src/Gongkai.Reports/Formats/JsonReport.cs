using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;

namespace Gongkai.Reports.Formats;

/// <summary>
/// The canonical JSON of docs/annual-report.md: the spec's members first (agency, year,
/// template, the three tables as arrays per row, findings), then the project's members
/// (title, source, indicators, sections, cell provenance).
/// </summary>
public static class JsonReport
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(AnnualReport report, IReadOnlyList<Finding> findings)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            WriteString(w, "agency", report.Agency);
            if (report.Year is { } year)
                w.WriteNumber("year", year);
            else
                w.WriteNull("year");
            w.WriteString("template", report.Template.Id());
            if (report.Template != ReportTemplate.Legacy)
            {
                foreach (var table in ReportSchema.Tables)
                    WriteTable(w, report, table);
            }
            else
            {
                WriteIndicators(w, report);
            }
            WriteFindings(w, findings);
            WriteString(w, "title", report.Title);
            WriteSource(w, report.Source);
            WriteSections(w, report);
            WriteCells(w, report);
            w.WriteEndObject();
        }
        return JsonLayout.Pretty(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteTable(Utf8JsonWriter w, AnnualReport report, ReportTable table)
    {
        w.WriteStartObject(ReportSchema.TableId(table));
        var data = report.Table(table);
        foreach (var row in report.Rows(table))
        {
            if (data[row.Key] is not { } cells)
                continue;
            w.WriteStartArray(row.Key);
            foreach (var cell in cells)
                WriteValue(w, cell.Value);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteIndicators(Utf8JsonWriter w, AnnualReport report)
    {
        w.WriteStartArray("indicators");
        foreach (var i in report.Indicators)
        {
            w.WriteStartObject();
            w.WriteString("label", i.Label);
            w.WriteString("unit", i.Unit);
            w.WritePropertyName("value");
            WriteValue(w, i.Value.Value);
            w.WriteString("form", Cell.FormId(i.Value.Form));
            if (i.Value.Text != CanonicalText(i.Value))
                w.WriteString("text", i.Value.Text);
            w.WriteString("printed", i.Printed);
            WriteString(w, "group", i.Group);
            if (i.Value.Source is { } source)
                WriteSource(w, source);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteFindings(Utf8JsonWriter w, IReadOnlyList<Finding> findings)
    {
        w.WriteStartArray("findings");
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("rule", f.Rule);
            w.WriteString("severity", Finding.SeverityId(f.Severity));
            w.WriteString("message", f.Message);
            w.WriteStartArray("cells");
            foreach (var c in f.Cells)
                w.WriteStringValue(c);
            w.WriteEndArray();
            w.WriteString("origin", Finding.OriginId(f.Origin));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteSource(Utf8JsonWriter w, ReportSource s)
    {
        w.WriteStartObject("source");
        WriteString(w, "indexNumber", s.IndexNumber);
        WriteString(w, "publisher", s.Publisher);
        WriteString(w, "issuedOn", s.IssuedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        WriteString(w, "documentNumber", s.DocumentNumber);
        WriteString(w, "category", s.Category);
        WriteString(w, "format", s.Format);
        w.WriteEndObject();
    }

    private static void WriteSections(Utf8JsonWriter w, AnnualReport report)
    {
        w.WriteStartArray("sections");
        foreach (var s in report.Sections)
        {
            w.WriteStartObject();
            w.WriteNumber("number", s.Number);
            w.WriteString("heading", s.Heading);
            w.WriteString("topic", SectionTopics.Id(s.Topic));
            w.WriteString("text", s.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>
    /// Provenance of the cells read from a file (the text as printed, the form and where it was
    /// printed), and of the cells whose printed text is not simply their value.
    /// </summary>
    private static void WriteCells(Utf8JsonWriter w, AnnualReport report)
    {
        w.WriteStartObject("cells");
        foreach (var (path, _, _, cell) in report.Cells())
        {
            if (cell.Source is null && cell.Form == CellForm.Number && cell.Text == CanonicalText(cell))
                continue;
            w.WriteStartObject(path);
            w.WriteString("text", cell.Text);
            w.WriteString("form", Cell.FormId(cell.Form));
            if (cell.Source is { } source)
                WriteSource(w, source);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>Where a cell was printed: page and box (PDF), line, table/row/column (HTML, DOCX, a text row), paragraph.</summary>
    private static void WriteSource(Utf8JsonWriter w, CellSource source)
    {
        w.WriteStartObject("source");
        void Number(string name, int? value)
        {
            if (value is { } v)
                w.WriteNumber(name, v);
        }
        Number("page", source.Page);
        if (source.Box is { } box)
        {
            w.WriteStartArray("box");
            foreach (var v in (double[])[box.X0, box.Y0, box.X1, box.Y1, box.PageWidth, box.PageHeight])
                w.WriteNumberValue(Math.Round(v, 1));
            w.WriteEndArray();
        }
        Number("line", source.Line);
        Number("table", source.Table);
        Number("row", source.Row);
        Number("column", source.Column);
        Number("paragraph", source.Paragraph);
        w.WriteEndObject();
    }

    private static CellSource? ReadSource(JsonElement cell)
    {
        if (!cell.TryGetProperty("source", out var s) || s.ValueKind != JsonValueKind.Object)
            return null;
        int? Number(string name) => s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
        PageBox? box = null;
        if (s.TryGetProperty("box", out var b) && b.ValueKind == JsonValueKind.Array && b.GetArrayLength() == 6
            && b.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number))
        {
            var v = b.EnumerateArray().Select(x => x.GetDouble()).ToArray();
            box = new PageBox(v[0], v[1], v[2], v[3], v[4], v[5]);
        }
        return new CellSource
        {
            Page = Number("page"), Box = box, Line = Number("line"), Table = Number("table"), Row = Number("row"),
            Column = Number("column"), Paragraph = Number("paragraph"),
        };
    }

    private static string CanonicalText(Cell cell) => cell.Value is { } v && cell.Form == CellForm.Number ? Cell.Format(v) : cell.Form switch
    {
        CellForm.Number or CellForm.Unreadable or CellForm.Blank or CellForm.Recovered => "",
        _ => Cell.Mark(cell.Form),
    };

    private static void WriteValue(Utf8JsonWriter w, decimal? value)
    {
        if (value is { } v)
            w.WriteRawValue(Cell.Format(v));
        else
            w.WriteNullValue();
    }

    private static void WriteString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
            w.WriteNull(name);
        else
            w.WriteString(name, value);
    }

    /// <summary>Reads the canonical JSON back. Findings are not read: they are recomputed.</summary>
    public static AnnualReport Read(string json)
    {
        try
        {
            return ReadDocument(json);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            // Malformed JSON, or a member of the wrong type, is bad input like any other: say so, do not crash.
            throw new ReportReadException($"JSON 格式有误，无法读取（{e.Message}）", e);
        }
    }

    private static AnnualReport ReadDocument(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("template", out var templateId))
            throw new ReportReadException("JSON 不是年度报告数据（缺少 template）");
        var report = new AnnualReport
        {
            Template = ReportTemplates.FromId(templateId.GetString())
                       ?? throw new ReportReadException($"未知的报告模板“{templateId}”"),
            Agency = Str(root, "agency"),
            Title = Str(root, "title"),
            Year = root.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null,
        };
        report.Source.Format = "json";
        if (root.TryGetProperty("source", out var src) && src.ValueKind == JsonValueKind.Object)
        {
            report.Source.IndexNumber = Str(src, "indexNumber");
            report.Source.Publisher = Str(src, "publisher");
            report.Source.IssuedOn = Str(src, "issuedOn") is { } d && DateOnly.TryParseExact(d, "yyyy-MM-dd", out var date) ? date : null;
            report.Source.DocumentNumber = Str(src, "documentNumber");
            report.Source.Category = Str(src, "category");
        }
        var provenance = root.TryGetProperty("cells", out var cells) && cells.ValueKind == JsonValueKind.Object ? cells : default;
        foreach (var table in ReportSchema.Tables)
        {
            if (!root.TryGetProperty(ReportSchema.TableId(table), out var t) || t.ValueKind != JsonValueKind.Object)
                continue;
            foreach (var row in t.EnumerateObject())
            {
                var def = ReportSchema.AnyRow(report.Template, table, row.Name)
                          ?? throw new ReportReadException($"{CellNames.TableName(table)}中有未知的行“{row.Name}”");
                if (row.Value.ValueKind != JsonValueKind.Array || row.Value.GetArrayLength() != def.Columns.Count)
                    throw new ReportReadException($"“{row.Name}”应为{def.Columns.Count}个数的数组");
                var values = row.Value.EnumerateArray().Select((v, c) => ReadCell(v, provenance, def.CellPath(c))).ToArray();
                report.Table(table).Set(row.Name, values);
            }
        }
        if (root.TryGetProperty("indicators", out var indicators) && indicators.ValueKind == JsonValueKind.Array)
        {
            foreach (var i in indicators.EnumerateArray())
            {
                var value = i.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : (decimal?)null;
                var form = Cell.FormFromId(Str(i, "form")) ?? (value is null ? CellForm.Blank : CellForm.Number);
                var text = Str(i, "text") ?? (value is { } n && form == CellForm.Number ? Cell.Format(n) : form is CellForm.Blank or CellForm.Unreadable ? "" : Cell.Mark(form));
                report.Indicators.Add(new Indicator(Str(i, "label") ?? "", Str(i, "unit") ?? "", new Cell(value, text, form) { Source = ReadSource(i) },
                    Str(i, "printed") ?? Str(i, "label") ?? "", Str(i, "group")));
            }
        }
        if (root.TryGetProperty("sections", out var sections) && sections.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in sections.EnumerateArray())
            {
                report.Sections.Add(new ReportSection(
                    s.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : 0,
                    Str(s, "heading") ?? "", Str(s, "text") ?? "", SectionTopics.FromId(Str(s, "topic"))));
            }
        }
        return report;
    }

    private static Cell ReadCell(JsonElement value, JsonElement provenance, string path)
    {
        decimal? v = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDecimal(),
            JsonValueKind.Null => null,
            _ => throw new ReportReadException($"“{path}”的值不是数字"),
        };
        if (provenance.ValueKind == JsonValueKind.Object && provenance.TryGetProperty(path, out var p))
        {
            var form = Cell.FormFromId(Str(p, "form")) ?? CellForm.Number;
            return new Cell(form == CellForm.Unreadable ? null : v, Str(p, "text") ?? "", form) { Source = ReadSource(p) };
        }
        return v is { } n ? Cell.Of(n) : Cell.Missing;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
