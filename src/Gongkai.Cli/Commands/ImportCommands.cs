using System.CommandLine;
using Gongkai.Cli.Platform;
using Gongkai.Core.Imports;

namespace Gongkai.Cli.Commands;

/// <summary>The <c>import</c> and <c>export</c> groups and <c>open-data</c>: an office moving onto Gongkai, or leaving it, and the bulk dump.</summary>
internal static class ImportCommands
{
    private static readonly (string Name, ImportKind Kind, string Description)[] Kinds =
    [
        ("agencies", ImportKind.Agencies, "机关（CSV，见 docs/import/agencies.csv）：上级机关须在前面的行或已在平台上。"),
        ("staff", ImportKind.Staff, "工作人员账号（CSV，见 docs/import/staff.csv）：每个新账号一个一次性密码，首次登录须修改。"),
        ("documents", ImportKind.Documents, "已发布的政府信息（CSV 或 JSON Lines，见 docs/import/documents.csv）：索引号保持原样，按原发布时间进入目录和检索，不重新保密审查；附件用 --attachments 指定文件夹或 ZIP。"),
        ("requests", ImportKind.Requests, "历史申请（CSV，见 docs/import/requests.csv）：按原日期形成办理记录，计入年度报告，只读。"),
        ("reviews", ImportKind.Reviews, "历史申请的行政复议和行政诉讼（CSV，见 docs/import/reviews.csv）：先导入历史申请。"),
    ];

    public static Command Import(CliConsole console)
    {
        var command = new Command("import",
            "迁移导入：依次导入机关、工作人员、政府信息、历史申请、复议诉讼。每批一个事务；同一行（索引号、原案件编号等）再次导入不会重复；中断后再次导入同一文件从中断处继续；有问题的行逐行报告原因，不影响其他行。");
        foreach (var (name, kind, description) in Kinds)
        {
            var file = new Argument<string>("FILE") { Description = "要导入的文件（格式按内容识别）。" };
            var check = new Option<bool>("--check") { Description = "只检查，不写入任何数据：报告可以导入多少行、哪些行有问题。" };
            var batch = new Option<int>("--batch") { Description = "每批（一个事务）的行数，默认 500。", DefaultValueFactory = _ => 500 };
            var dataDirectory = DbCommands.DataDirectory();
            var sub = new Command(name, description) { file, check, batch, dataDirectory };
            Option<string?>? attachments = null, passwords = null;
            if (kind == ImportKind.Documents)
                sub.Options.Add(attachments = new Option<string?>("--attachments") { Description = "附件所在的文件夹或 ZIP 文件；文件中的附件路径相对于它。", HelpName = "DIR|ZIP" });
            if (kind == ImportKind.Staff)
                sub.Options.Add(passwords = new Option<string?>("--passwords") { Description = "把新账号的一次性密码写入此文件（仅所有者可读）；不指定时显示在屏幕上。", HelpName = "FILE" });
            sub.SetAction((r, _) => ImportCommand.RunAsync(console, r.GetValue(dataDirectory), kind, r.GetRequiredValue(file), r.GetValue(check),
                r.GetValue(batch), attachments is null ? null : r.GetValue(attachments), passwords is null ? null : r.GetValue(passwords)));
            command.Subcommands.Add(sub);
        }
        return command;
    }

    public static Command Export(CliConsole console)
    {
        var output = new Option<string>("-o", "--output") { Description = "输出文件夹。", Required = true, HelpName = "DIR" };
        var agency = new Option<string?>("--agency") { Description = "只导出这个机关（统一社会信用代码）的数据；不指定时导出全部机关。", HelpName = "CODE" };
        var dataDirectory = DbCommands.DataDirectory();
        var command = new Command("export",
            "按导入格式导出：agencies.csv、staff.csv（不含密码）、documents.jsonl 和 attachments/、requests.csv、reviews.csv。导入到空平台后目录、检索和生成的年度报告与本平台相同。")
        {
            output, agency, dataDirectory,
        };
        command.SetAction((r, _) => ImportCommand.ExportAsync(console, r.GetValue(dataDirectory), r.GetValue(agency), r.GetRequiredValue(output)));
        return command;
    }

    public static Command OpenData(CliConsole console)
    {
        var dataDirectory = DbCommands.DataDirectory();
        var build = new Command("build", "立即生成今天的批量数据（网站的后台任务每天也会生成）：政府信息 JSON Lines 和 CSV、年度报告 JSON 和单元格 CSV、清单 manifest.json。")
        {
            dataDirectory,
        };
        build.SetAction((r, _) => ImportCommand.BuildOpenDataAsync(console, r.GetValue(dataDirectory)));
        return new Command("open-data", "数据开放：/open-data 提供下载的每日批量数据。") { build };
    }
}
