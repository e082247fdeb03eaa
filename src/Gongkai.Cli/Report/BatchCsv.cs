using System.Globalization;
using System.Text;
using Gongkai.Core.Files;
using Gongkai.Domain.Reports;
using Gongkai.Reports;
using Gongkai.Reports.Formats;

namespace Gongkai.Cli.Report;

/// <summary>
/// The summary table of <c>report batch</c>: one row per file, UTF-8 with BOM and RFC 4180
/// quoting so Excel and WPS open it as Chinese.
/// </summary>
internal static class BatchCsv
{
    private static readonly string[] Header =
        ["文件", "状态", "状态代码", "机关", "年度", "模板", "格式", "错误数", "警告数", "提示数", "规则", "问题说明", "读取错误", "耗时（毫秒）"];

    private static readonly byte[] Signature = Encoding.UTF8.GetBytes("\uFEFF" + string.Join(",", Header));

    /// <summary>
    /// Whether a file is the summary table of an earlier batch: it sits among the reports, often
    /// under a new name each run, and is no report to check.
    /// </summary>
    public static bool IsSummary(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && FileSignature.Matches(path, Signature);

    public static byte[] Write(IEnumerable<CheckedFile> files)
    {
        var sb = new StringBuilder();
        sb.Append('\uFEFF');
        Line(sb, Header);
        foreach (var file in files)
            Line(sb, Row(file));
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string?[] Row(CheckedFile file)
    {
        var report = file.Report;
        var findings = file.Findings.Select(f => f.Finding).ToList();
        return
        [
            Text(file.Path),
            ReportLabels.Status(file.Status),
            ReportLabels.StatusId(file.Status),
            Text(report?.Agency),
            report?.Year?.ToString(CultureInfo.InvariantCulture),
            report?.Template.Id(),
            file.Read is { } read ? ReportFile.FormatId(read.Format) : null,
            Count(file, Severity.Error),
            Count(file, Severity.Warning),
            Count(file, Severity.Info),
            Text(string.Join(";", findings.Select(f => f.Rule).Distinct())),
            Text(string.Join("；", findings.Select(f => $"{Finding.SeverityLabel(f.Severity)}：{f.Message}"))),
            Text(file.Error),
            ((long)file.Elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        ];
    }

    private static string? Count(CheckedFile file, Severity severity) =>
        file.Read is null ? null : file.Count(severity).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Text taken from the reports themselves could start a spreadsheet formula (=HYPERLINK…);
    /// a leading apostrophe keeps Excel and WPS from running it.
    /// </summary>
    private static string? Text(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static void Line(StringBuilder sb, IEnumerable<string?> fields) =>
        sb.AppendJoin(',', fields.Select(CsvReport.Quote)).Append("\r\n");
}
