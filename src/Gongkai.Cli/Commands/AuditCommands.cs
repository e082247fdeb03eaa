using System.CommandLine;
using System.Globalization;
using Gongkai.Cli.Report;
using Gongkai.Core.Supervision.Exports;
using Gongkai.Core.Supervision.Intake;

namespace Gongkai.Cli.Commands;

/// <summary><c>report audit</c>: the supervision audit of a folder of published reports, as in the workspace.</summary>
internal static class AuditCommands
{
    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string>("DIR")
        {
            Description = $"存放各单位已公开年度报告的目录；读取扩展名为 {string.Join(" ", FolderIntake.Extensions)} 的文件（ZIP 压缩包自动展开），跳过隐藏文件。",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "检查结果文件：xlsx 为 Excel 工作簿（公开情况、问题清单、单位排名、未收录文件各一页），csv 为每个单位每个年度一行的表格，docx 为公文格式的检查情况报告。",
            HelpName = "OUT",
            Required = true,
        };
        var format = new Option<string?>("--format")
        {
            Description = "输出格式：xlsx、csv、docx。省略时按输出文件的扩展名确定，无法确定时为 xlsx。",
        };
        format.AcceptOnlyFromAmong("xlsx", "csv", "docx");
        var year = new Option<int?>("--year")
        {
            Description = "只检查这一年度的报告（上一年度的报告仍用于跨年度核对）。",
            HelpName = "YYYY",
            CustomParser = r =>
            {
                if (r.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100)
                    return y;
                r.AddError("--year 必须是四位数的年度，如 2023。");
                return null;
            },
        };
        var title = new Option<string?>("--title")
        {
            Description = "检查的名称，用作检查情况报告的标题，默认为“目录名＋政府信息公开工作年度报告检查”。",
        };
        var recursive = new Option<bool>("--recursive", "-r") { Description = "同时读取各级子目录中的文件。" };
        var jobs = ReportCommands.Jobs("读取");
        var command = new Command("audit",
            "上级监督的年度报告检查：按单位和年度列出按时公开、逾期公开（条例第四十九条：部门1月31日前，人民政府3月31日前）、公开日期不详和未公开，"
            + "逐份核对报告并做跨年度核对，找出与上年正文重复率达到80%以上的报告，给单位排名，写出 Excel、CSV 或 Word 文件。显示进度；单个文件无法读取不会中断检查。"
            + "退出码：0 全部按时公开且无问题；1 有错误、警告、逾期或未公开；2 有文件无法收录。")
        {
            directory, output, format, year, title, recursive, jobs,
        };
        command.SetAction(r => AuditCommand.Run(console, new AuditOptions(
            r.GetRequiredValue(directory), r.GetRequiredValue(output),
            r.GetValue(format) is { } f ? AuditExport.FromId(f) : null,
            r.GetValue(year), r.GetValue(title), r.GetValue(recursive), r.GetValue(jobs))));
        return command;
    }
}
