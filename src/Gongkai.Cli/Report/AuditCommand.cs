using System.Diagnostics;
using System.Globalization;
using Gongkai.Core;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Core.Supervision.Exports;
using Gongkai.Core.Supervision.Intake;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Supervision;

namespace Gongkai.Cli.Report;

internal sealed record AuditOptions(string Directory, string Output, AuditExportFormat? Format, int? Year, string? Title, bool Recursive, int Jobs);

/// <summary>
/// <c>gongkai report audit DIR</c>: reads a folder the way the workspace reads an upload (the same
/// Core intake and audit), with the batch's progress display, and writes the audit file.
/// </summary>
internal static class AuditCommand
{
    public static int Run(CliConsole console, AuditOptions options)
    {
        if (!System.IO.Directory.Exists(options.Directory))
            return console.Fail($"目录不存在：{options.Directory}");
        var format = options.Format ?? AuditExport.FromId(Path.GetExtension(options.Output).TrimStart('.')) ?? AuditExportFormat.Xlsx;
        var target = Path.GetFullPath(options.Output);
        // Earlier outputs in the folder are no reports: the file being written, and batch or audit tables.
        var listed = FolderIntake.List(options.Directory, options.Recursive,
            p => p == target || BatchCsv.IsSummary(p) || AuditCsvExport.IsExport(p));
        if (listed.Count == 0)
            return console.Fail($"目录 {options.Directory} 中没有年度报告文件（扩展名 {string.Join(" ", FolderIntake.Extensions)}）。");

        var clock = Stopwatch.StartNew();
        var (files, refused) = FolderIntake.Load(listed);
        var (expanded, notExpanded) = ReportIntake.Expand(files);
        var intake = BatchProgress.Run(console, expanded.Count, fileDone => ReportIntake.Read(expanded, [.. refused, .. notExpanded], options.Jobs, fileDone));
        var title = options.Title ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Directory))) + "政府信息公开工作年度报告检查";
        var audit = SupervisionAudit.Build(title, [], [.. intake.Reports.Select(r => AuditedItem.FromFile(r.Name, r.Read))], intake.Rejections, options.Year);
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(DateTime.UtcNow));
        try
        {
            AtomicFile.Write(options.Output, AuditExport.Write(audit, format, today));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return console.Fail($"无法写入检查结果 {options.Output}：{e.Message}");
        }
        console.Out.WriteLine(Describe(audit, intake, clock.Elapsed));
        console.Out.WriteLine($"检查结果：{options.Output}");
        return ExitCode(audit);
    }

    /// <summary>Like <c>check</c>: a file not taken in outweighs findings; late and missing reports are findings too.</summary>
    private static int ExitCode(SupervisionAudit audit)
    {
        if (audit.Rejections.Count > 0 || audit.Unplaced.Count > 0)
            return ExitCodes.Error;
        var findings = audit.AllCells.Any(c => c.Count(Severity.Error) + c.Count(Severity.Warning) > 0);
        var overdue = audit.AllCells.Any(c => c.Status is PublicationStatus.Late or PublicationStatus.Missing);
        return findings || overdue ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static string Describe(SupervisionAudit audit, IntakeResult intake, TimeSpan elapsed)
    {
        var findings = audit.AllCells.SelectMany(c => c.Findings).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"年报检查完成：共 {intake.FileCount} 个文件，收录报告 {audit.Items.Count} 份，未能收录 {audit.Rejections.Count + audit.Unplaced.Count} 个；"
            + $"单位 {audit.Units.Count} 个、年度 {audit.Years.Count} 个（{string.Join("、", audit.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)))}）："
            + $"按时公开 {audit.Count(PublicationStatus.OnTime)}，逾期公开 {audit.Count(PublicationStatus.Late)}，公开日期不详 {audit.Count(PublicationStatus.DateUnknown)}，未公开 {audit.Count(PublicationStatus.Missing)}；"
            + $"错误 {findings.Count(f => f.Counts(Severity.Error))} 项，警告 {findings.Count(f => f.Counts(Severity.Warning))} 项；用时 {elapsed.TotalSeconds:0.0} 秒。");
    }
}
