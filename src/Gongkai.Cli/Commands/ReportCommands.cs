using System.CommandLine;
using Gongkai.Cli.Report;

namespace Gongkai.Cli.Commands;

/// <summary>The <c>report</c> group: checking, parsing, rendering and batch-checking annual reports.</summary>
internal static class ReportCommands
{
    public static Command Create(CliConsole console) =>
        new("report", "政府信息公开工作年度报告：核对、解析、转换格式、批量核对。可读取纯文本、网页、DOCX、PDF，以及本系统导出的 JSON 和 CSV。")
        {
            Check(console),
        };

    private static Command Check(CliConsole console)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "要核对的年度报告文件，可以有多个。同一机关相邻年度的报告还会做跨年度核对。",
            Arity = ArgumentArity.OneOrMore,
        };
        var region = new Option<string?>("--region")
        {
            Description = "区域汇总报告文件：其余文件中与它同一年度的报告视为下级单位，逐格核对汇总数是否等于下级单位之和。",
            HelpName = "SUMMARY_FILE",
        };
        var format = new Option<string>("--format")
        {
            Description = "输出方式：text 为便于阅读的中文结果（默认），json 为供程序读取的数据。",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("check",
            "核对年度报告，按严重程度（错误、警告、提示）列出发现的问题及涉及的单元格。"
            + "退出码：0 全部无问题；1 有错误或警告；2 有文件无法读取。")
        {
            files, region, format,
        };
        command.SetAction(r => CheckCommand.Run(console, r.GetRequiredValue(files), r.GetValue(region), r.GetValue(format) == "json"));
        return command;
    }
}
