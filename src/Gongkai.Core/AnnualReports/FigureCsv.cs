using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Generation;
using Gongkai.Reports.Formats;

namespace Gongkai.Core.AnnualReports;

/// <summary>
/// The CSV of table 二 figures staff import: lines of <c>cell,value</c> (e.g.
/// <c>proactive.licensing.decisions,1280</c>, a header line allowed), or the engine's own CSV
/// (docs/annual-report.md), whose table 二 cells the platform does not count are taken.
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
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines[0].Trim() == CsvReport.Header)
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
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
                continue;
            var parts = line.Split(',', 2);
            var path = parts[0].Trim().Trim('"');
            if (i == 0 && !path.StartsWith("proactive.", StringComparison.Ordinal))
                continue; // a header line
            if (parts.Length < 2)
                return (values, $"第{i + 1}行应为“单元格,数值”。");
            values[path] = parts[1].Trim().Trim('"');
        }
        return values.Count == 0 ? (values, "文件中没有数据。") : (values, null);
    }
}
