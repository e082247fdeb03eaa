using System.CommandLine;
using System.Globalization;
using Gongkai.Cli.Report;

namespace Gongkai.Cli.Commands;

/// <summary>The <c>report</c> group: checking, parsing, rendering and batch-checking annual reports.</summary>
internal static class ReportCommands
{
    public static Command Create(CliConsole console) =>
        new("report", "政府信息公开工作年度报告：核对、解析、转换格式、批量核对、上级监督检查。可读取纯文本、Markdown、网页、DOCX、PDF，以及本系统导出的 JSON 和 CSV。")
        {
            Check(console),
            Parse(console),
            Render(console),
            Batch(console),
            AuditCommands.Create(console),
            Generate(console),
        };

    /// <summary>--jobs: how many files are read at once, a positive whole number, by default one per processor.</summary>
    internal static Option<int> Jobs(string verb) => new("--jobs", "-j")
    {
        Description = $"同时{verb}的文件数，默认为处理器核数。",
        DefaultValueFactory = _ => Environment.ProcessorCount,
        CustomParser = r =>
        {
            if (r.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
                return n;
            r.AddError("--jobs 必须是正整数。");
            return 0;
        },
        HelpName = "N",
    };

    private static Command Generate(CliConsole console)
    {
        var agency = new Option<string>("--agency")
        {
            Description = "机关的统一社会信用代码。",
            HelpName = "CODE",
            Required = true,
        };
        var year = new Option<int>("--year")
        {
            Description = "报告年度（2019年起）。",
            HelpName = "YYYY",
            Required = true,
        };
        var format = new Option<string>("--format")
        {
            Description = "输出格式：json 为本系统的标准 JSON（含核对发现的问题，默认），html 为官方版式网页，docx 为官方版式 Word 文档。",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong(Platform.ReportGenerateCommand.Formats);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "输出文件；省略或为 - 时输出到标准输出（docx 不可）。",
            HelpName = "FILE",
        };
        var dataDirectory = DbCommands.DataDirectory();
        var command = new Command("generate",
            "按平台的办理记录生成机关某一年度的政府信息公开工作年度报告：表三、表四由依申请公开和复议诉讼记录统计，表二第二十条第（一）项由已公开的规范性文件统计，"
            + "其余表二数据和正文取自该年度报告草稿；已发布或导入的年度按发布时的报告输出。不保存任何内容；核对结果输出到标准错误。")
        {
            agency, year, format, output, dataDirectory,
        };
        command.SetAction((r, _) => Platform.ReportGenerateCommand.RunAsync(console, r.GetValue(dataDirectory), r.GetRequiredValue(agency),
            r.GetValue(year), r.GetRequiredValue(format), r.GetValue(output)));
        return command;
    }

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

    private static Command Parse(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "要解析的年度报告文件。" };
        var format = new Option<string>("--format")
        {
            Description = "输出格式：json 为本系统的标准 JSON（默认），csv 为每个数据一行的 CSV。",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "csv");
        var command = new Command("parse",
            "解析年度报告，把其中的统计数据和发现的问题以 JSON 或 CSV（UTF-8）输出到标准输出；JSON 还列出每个单元格印在原件中的位置"
            + "（PDF 的页码和方框、文本的行、网页和 DOCX 的表格、行、格）。无法读取时退出码为 2。")
        {
            file, format,
        };
        command.SetAction(r => ConvertCommands.Parse(console, r.GetRequiredValue(file), r.GetRequiredValue(format)));
        return command;
    }

    private static Command Render(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "要转换的年度报告文件。" };
        var format = new Option<string?>("--format")
        {
            Description = "输出格式：html、docx、json、csv、text。省略时按输出文件的扩展名确定。",
        };
        format.AcceptOnlyFromAmong([.. OutputFormat.Ids]);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "输出文件；目录不存在时自动创建，写完整后才替换原文件。省略或为 - 时输出到标准输出（docx 不可）。",
            HelpName = "OUT",
        };
        var command = new Command("render", "把年度报告转换为另一种格式：网页、Word 文档、JSON、CSV 或纯文本。")
        {
            file, format, output,
        };
        command.SetAction(r => ConvertCommands.Render(console, r.GetRequiredValue(file), r.GetValue(format), r.GetValue(output)));
        return command;
    }

    private static Command Batch(CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = $"存放年度报告的目录；读取扩展名为 {string.Join(" ", BatchCommand.Extensions)} 的文件，跳过隐藏文件。" };
        var output = new Option<string>("--output", "-o")
        {
            Description = "汇总表（CSV，UTF-8 带 BOM，可直接用 Excel 或 WPS 打开），每个文件一行。",
            HelpName = "SUMMARY_CSV",
            Required = true,
        };
        var recursive = new Option<bool>("--recursive", "-r") { Description = "同时核对各级子目录中的文件。" };
        var jobs = Jobs("核对");
        var command = new Command("batch",
            "批量核对目录中的年度报告，写出汇总表并显示进度；同一机关相邻年度的报告还会做跨年度核对，结果计入后一年度的那一行。"
            + "单个文件无法读取不会中断核对。退出码：0 全部无问题；1 有错误或警告；2 有文件无法读取。")
        {
            directory, output, recursive, jobs,
        };
        command.SetAction(r => BatchCommand.Run(console, r.GetRequiredValue(directory), r.GetRequiredValue(output),
            r.GetValue(recursive), r.GetValue(jobs)));
        return command;
    }
}
