using System.Globalization;
using System.Text;
using CsvHelper;
using Gongkai.Core;
using Gongkai.Core.Files;
using Gongkai.Domain.Reports;
using Gongkai.Reports;
using Gongkai.Reports.Formats;

namespace Gongkai.Cli.Report;

/// <summary>
/// The summary table of <c>report batch</c>: one row per file, UTF-8 with BOM and RFC 4180
/// quoting so Excel and WPS open it as Chinese. Text taken from the reports themselves could start
/// a spreadsheet formula (=HYPERLINK…): the writer puts an apostrophe before it.
/// </summary>
internal static class BatchCsv
{
    private static readonly string[] Header =
        ["文件", "状态", "状态代码", "机关", "年度", "模板", "格式", "错误数", "警告数", "提示数", "规则", "问题说明", "读取错误", "耗时（毫秒）"];

    /// <summary>The spreadsheet dialect of Core, quoted only where needed (the header is unquoted, as earlier summaries have it).</summary>
    private static readonly CsvWriterOptions Options = Csv.Spreadsheet with { Quoting = CsvQuoting.WhenNeeded };

    private static readonly byte[] Signature = Encoding.UTF8.GetBytes("\uFEFF" + string.Join(",", Header));

    /// <summary>
    /// Whether a file is the summary table of an earlier batch: it sits among the reports, often
    /// under a new name each run, and is no report to check.
    /// </summary>
    public static bool IsSummary(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && FileSignature.Matches(path, Signature);

    public static byte[] Write(IEnumerable<CheckedFile> files)
    {
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, Options, leaveOpen: true))
        {
            csv.WriteRecord(Header);
            foreach (var file in files)
                csv.WriteRecord(Csv.Cells(Row(file)));
        }
        return output.ToArray();
    }

    private static string?[] Row(CheckedFile file)
    {
        var report = file.Report;
        var findings = file.Findings.Select(f => f.Finding).ToList();
        return
        [
            file.Path,
            ReportLabels.Status(file.Status),
            ReportLabels.StatusId(file.Status),
            report?.Agency,
            report?.Year?.ToString(CultureInfo.InvariantCulture),
            report?.Template.Id(),
            file.Read is { } read ? ReportFile.FormatId(read.Format) : null,
            Count(file, Severity.Error),
            Count(file, Severity.Warning),
            Count(file, Severity.Info),
            string.Join(";", findings.Select(f => f.Rule).Distinct()),
            string.Join("；", findings.Select(f => $"{Finding.SeverityLabel(f.Severity)}：{f.Message}")),
            file.Error,
            ((long)file.Elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        ];
    }

    private static string? Count(CheckedFile file, Severity severity) =>
        file.Read is null ? null : file.Count(severity).ToString(CultureInfo.InvariantCulture);
}
