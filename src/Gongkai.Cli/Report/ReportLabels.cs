using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Reports;

namespace Gongkai.Cli.Report;

/// <summary>Chinese names, and stable machine codes, of what the check output shows.</summary>
internal static class ReportLabels
{
    public static string Format(ReportFormat format) => format switch
    {
        ReportFormat.Text => "纯文本",
        ReportFormat.Html => "网页（HTML）",
        ReportFormat.Docx => "Word 文档（DOCX）",
        ReportFormat.Pdf => "PDF",
        ReportFormat.Json => "JSON 数据",
        ReportFormat.Csv => "CSV 数据",
    };

    public static string Status(FileStatus status) => status switch
    {
        FileStatus.Clean => "无问题",
        FileStatus.Findings => "有问题",
        FileStatus.Unreadable => "无法读取",
    };

    public static string StatusId(FileStatus status) => status switch
    {
        FileStatus.Clean => "clean",
        FileStatus.Findings => "findings",
        FileStatus.Unreadable => "unreadable",
    };

    /// <summary>The cells of a finding in words (表三“…”行“…”栏), in the template of the report (only a read report has findings).</summary>
    public static IEnumerable<string> Cells(CheckedFile file, Finding finding) =>
        finding.Cells.Select(c => CellNames.Describe(file.Report!.Template, c));
}
