using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Generation;
using Gongkai.Reports.Formats;

namespace Gongkai.Core.AnnualReports;

/// <summary>
/// The CSV of table 二 figures staff import: lines of <c>cell,value</c> (e.g.
/// <c>proactive.licensing.decisions,1280</c>, a header line allowed), or the engine's own CSV
/// (docs/annual-report.md), whose table 二 cells the platform does not count are taken. Cells may be
/// quoted (<c>"1,280"</c>) and empty columns a spreadsheet adds on saving are ignored.
/// </summary>
public static class FigureCsv
{
    public static (IReadOnlyDictionary<string, string?> Values, string? Error) Read(byte[] content, ReportTemplate template)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return (new Dictionary<string, string?>(), "文件不是 UTF-8 编码的 CSV。");
        }
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var records = Csv.Records(text).ToList();
        if (records.Count > 0 && string.Join(",", records[0].Cells).Trim() == CsvReport.Header)
        {
            var report = CsvReport.Read(text);
            foreach (var (path, row, column) in SystemFigures.Entered(template))
            {
                var index = row.Columns.ToList().IndexOf(column);
                if (report.Proactive.Get(row.Key, index) is { Value: { } v })
                    values[path] = Cell.Format(v);
            }
            return values.Count == 0 ? (values, "文件中没有需要填报的表二数据。") : (values, null);
        }
        foreach (var (line, cells) in records)
        {
            if (cells.All(c => c.Trim().Length == 0))
                continue;
            var path = cells[0].Trim();
            if (line == records[0].Line && !path.StartsWith("proactive.", StringComparison.Ordinal))
                continue; // a header line
            if (cells.Count < 2 || cells.Skip(2).Any(c => c.Trim().Length > 0))
                return (values, $"第{line}行应为“单元格,数值”（数值中有逗号时请加英文双引号）。");
            values[path] = cells[1].Trim();
        }
        return values.Count == 0 ? (values, "文件中没有数据。") : (values, null);
    }
}
