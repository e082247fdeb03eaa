using System.Globalization;
using CsvHelper;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;

namespace Gongkai.Reports.Formats;

/// <summary>
/// One line per fact, for spreadsheets and scripts: metadata, every cell (value, printed text,
/// form, label), legacy indicators, sections and findings. RFC 4180 quoting, UTF-8 with BOM so
/// Excel and WPS open it as Chinese. Text a spreadsheet would run as a formula gets an apostrophe
/// (<see cref="Defuse"/>), taken off again on reading, so the report reads back exactly.
/// </summary>
public static class CsvReport
{
    public const string Header = "table,row,column,value,text,form,label";

    /// <summary>Quoted only where RFC 4180 needs it, LF line ends (docs/annual-report.md).</summary>
    private static readonly CsvWriterOptions WriteOptions = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private static readonly CsvReaderOptions ReadOptions = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        DetectSeparatorHint = false,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static string Write(AnnualReport report, IReadOnlyList<Finding> findings)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        text.Write('\uFEFF'); // the writer puts a byte-order mark only into streams
        using (var csv = CsvWriter.Create(text, WriteOptions, leaveOpen: true))
        {
            csv.WriteRecord(Header.Split(','));
            Lines(report, findings, fields => csv.WriteRecord(
                [.. fields.Select((f, i) => IsFigure(fields[0], i) ? f ?? "" : Defuse(f ?? "")), .. Enumerable.Repeat("", 7 - fields.Length)]));
        }
        return text.ToString();
    }

    private static void Lines(AnnualReport report, IReadOnlyList<Finding> findings, Action<string?[]> line)
    {
        void Line(params string?[] fields) => line(fields);
        void Meta(string field, string? value) => Line("meta", field, "", value);

        Meta("agency", report.Agency);
        Meta("year", report.Year?.ToString(CultureInfo.InvariantCulture));
        Meta("template", report.Template.Id());
        Meta("title", report.Title);
        Meta("indexNumber", report.Source.IndexNumber);
        Meta("publisher", report.Source.Publisher);
        Meta("issuedOn", report.Source.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Meta("documentNumber", report.Source.DocumentNumber);
        Meta("category", report.Source.Category);
        foreach (var (_, row, column, cell) in report.Cells())
        {
            Line(ReportSchema.TableId(row.Table), row.Key, row.Columns[column].Key, Value(cell.Value), cell.Text,
                Cell.FormId(cell.Form), CellNames.Describe(row, column));
        }
        foreach (var i in report.Indicators)
            Line("indicator", i.Printed, i.Unit, Value(i.Value.Value), i.Value.Text, Cell.FormId(i.Value.Form), i.Group);
        foreach (var s in report.Sections)
            Line("section", s.Number.ToString(CultureInfo.InvariantCulture), SectionTopics.Id(s.Topic), "", s.Text, "", s.Heading);
        foreach (var f in findings)
            Line("finding", f.Rule, Finding.SeverityId(f.Severity), "", string.Join(";", f.Cells), Finding.OriginId(f.Origin), f.Message);
    }

    /// <summary>
    /// The characters that make a spreadsheet read a cell as a formula (=, +, -, @, tab, CR), as
    /// OWASP lists them: a hostile agency name or title must not run in the reader's spreadsheet.
    /// </summary>
    private const string FormulaStarts = "=+-@\t\r";

    /// <summary>
    /// An apostrophe before text a spreadsheet would run as a formula, and before text that already
    /// starts with apostrophes in front of such a character, so <see cref="Undefuse"/> takes off
    /// exactly the one added.
    /// </summary>
    internal static string Defuse(string text) => NeedsApostrophe(text) ? "'" + text : text;

    internal static string Undefuse(string text) => text.Length > 1 && text[0] == '\'' && NeedsApostrophe(text[1..]) ? text[1..] : text;

    private static bool NeedsApostrophe(string text)
    {
        var start = text.AsSpan().TrimStart('\'');
        return start.Length > 0 && FormulaStarts.Contains(start[0], StringComparison.Ordinal);
    }

    /// <summary>A figure written by the engine (a cell's or indicator's value), never text: "-3" stays a number.</summary>
    private static bool IsFigure(string? table, int field) => field == 3 && table != "meta";

    public static AnnualReport Read(string text)
    {
        try
        {
            return ReadRecords(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            // A figure, year or date that does not parse is bad input like any other: say so, do not crash.
            throw new ReportReadException($"CSV 中有无法识别的数字或日期（{e.Message}）", e);
        }
    }

    private static AnnualReport ReadRecords(string text)
    {
        var records = Parse(text);
        if (records.Count == 0 || string.Join(",", records[0]) != Header)
            throw new ReportReadException("CSV 不是本系统导出的年度报告数据（表头不符）");
        var report = new AnnualReport();
        report.Source.Format = "csv";
        for (var n = 1; n < records.Count; n++)
        {
            var r = records[n];
            if (r.Length != 7)
                throw new ReportReadException(string.Create(CultureInfo.InvariantCulture, $"CSV 第{n + 1}条记录应有7列，实有{r.Length}列"));
            for (var i = 0; i < r.Length; i++)
                if (!IsFigure(r[0], i)) r[i] = Undefuse(r[i]);
            var (table, row, column, value, cellText, form, label) = (r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
            switch (table)
            {
                case "meta":
                    Meta(report, row, value);
                    break;
                case "indicator":
                    report.Indicators.Add(new Indicator(Reading.LegacyReader.CleanLabel(row), column, ReadCell(value, cellText, form, n),
                        row, label.Length > 0 ? label : null));
                    break;
                case "section":
                    report.Sections.Add(new ReportSection(int.Parse(row, CultureInfo.InvariantCulture), label, cellText, SectionTopics.FromId(column)));
                    break;
                case "finding":
                    break;
                default:
                    SetCell(report, table, row, column, ReadCell(value, cellText, form, n), n);
                    break;
            }
        }
        return report;
    }

    private static void Meta(AnnualReport report, string field, string value)
    {
        string? v = value.Length == 0 ? null : value;
        switch (field)
        {
            case "agency": report.Agency = v; break;
            case "year": report.Year = v is null ? null : int.Parse(v, CultureInfo.InvariantCulture); break;
            case "template": report.Template = ReportTemplates.FromId(v) ?? throw new ReportReadException($"未知的报告模板“{v}”"); break;
            case "title": report.Title = v; break;
            case "indexNumber": report.Source.IndexNumber = v; break;
            case "publisher": report.Source.Publisher = v; break;
            case "issuedOn": report.Source.IssuedOn = v is null ? null : DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
            case "documentNumber": report.Source.DocumentNumber = v; break;
            case "category": report.Source.Category = v; break;
        }
    }

    private static void SetCell(AnnualReport report, string tableId, string key, string column, Cell cell, int n)
    {
        var table = ReportSchema.Tables.FirstOrDefault(t => ReportSchema.TableId(t) == tableId);
        var def = ReportSchema.TableId(table) == tableId ? ReportSchema.AnyRow(report.Template, table, key) : null;
        var index = def?.Columns.ToList().FindIndex(c => c.Key == column) ?? -1;
        if (def is null || index < 0)
            throw new ReportReadException(string.Create(CultureInfo.InvariantCulture, $"CSV 第{n + 1}条记录的单元格“{tableId}.{key}.{column}”不存在"));
        var data = report.Table(table);
        var cells = data[key] ?? [.. Enumerable.Repeat(Cell.Missing, def.Columns.Count)];
        cells[index] = cell;
        data.Set(key, cells);
    }

    private static Cell ReadCell(string value, string text, string formId, int n)
    {
        var form = Cell.FormFromId(formId) ?? throw new ReportReadException(string.Create(CultureInfo.InvariantCulture, $"CSV 第{n + 1}条记录的形式“{formId}”无效"));
        decimal? v = value.Length == 0 ? null : decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);
        return new Cell(v, text, form);
    }

    private static string Value(decimal? value) => value is { } v ? Cell.Format(v) : "";

    /// <summary>RFC 4180 records: quoted fields may hold commas, quotes and line breaks. A leading BOM is skipped.</summary>
    internal static List<string[]> Parse(string text)
    {
        using var csv = CsvReader.FromText(text, ReadOptions);
        var records = new List<string[]>();
        while (csv.Read())
            records.Add(csv.Current.ToArray());
        return records;
    }
}
