using System.CommandLine;
using Gongkai.Cli.Platform;

namespace Gongkai.Cli.Commands;

/// <summary>The <c>db</c> group: the platform's database, as the web app uses it.</summary>
internal static class DbCommands
{
    public static Command Create(CliConsole console) =>
        new("db", "平台数据库：升级表结构、备份、恢复、核对上传文件。与网站使用相同的配置（环境变量 GONGKAI_DATA_DIR、Gongkai__Database、ConnectionStrings__Gongkai）。")
        {
            Migrate(console),
            Backup(console),
            Restore(console),
            SweepFiles(console),
        };

    /// <summary>--data-dir, shared by the platform commands.</summary>
    internal static Option<string?> DataDirectory() => new("--data-dir")
    {
        Description = "数据目录（存放 SQLite 数据库和上传文件），优先于环境变量 GONGKAI_DATA_DIR；默认为当前目录下的 data。",
        HelpName = "DIR",
    };

    private static Command Migrate(CliConsole console)
    {
        var dataDirectory = DataDirectory();
        var command = new Command("migrate", "把数据库升级到最新表结构（没有数据库时新建）；没有系统管理员时创建 admin 并显示一次性密码。")
        {
            dataDirectory,
        };
        command.SetAction((r, _) => DatabaseCommand.MigrateAsync(console, r.GetValue(dataDirectory)));
        return command;
    }

    private static Command Backup(CliConsole console)
    {
        var archive = new Argument<string>("FILE") { Description = "备份文件（ZIP），含数据库和全部上传文件。" };
        var dataDirectory = DataDirectory();
        var command = new Command("backup", "在线备份：SQLite 使用在线备份接口，PostgreSQL 使用 pg_dump；网站运行时也可以备份。")
        {
            archive, dataDirectory,
        };
        command.SetAction((r, _) => DatabaseCommand.BackupAsync(console, r.GetValue(dataDirectory), r.GetRequiredValue(archive)));
        return command;
    }

    private static Command SweepFiles(CliConsole console)
    {
        var dataDirectory = DataDirectory();
        var remove = new Option<bool>("--remove") { Description = "同时删除没有记录的文件（默认只列出）。" };
        var command = new Command("sweep-files", "核对上传文件与数据库记录：完成中断时未移入的文件，删除未提交的暂存文件，列出没有记录的文件和找不到文件的记录。")
        {
            dataDirectory, remove,
        };
        command.SetAction((r, _) => DatabaseCommand.SweepFilesAsync(console, r.GetValue(dataDirectory), r.GetValue(remove)));
        return command;
    }

    private static Command Restore(CliConsole console)
    {
        var archive = new Argument<string>("FILE") { Description = "由 gongkai db backup 生成的备份文件。" };
        var dataDirectory = DataDirectory();
        var yes = new Option<bool>("--yes") { Description = "确认用备份替换当前的数据库和全部上传文件。" };
        var command = new Command("restore", "从备份恢复数据库和上传文件。恢复前请停止网站。")
        {
            archive, dataDirectory, yes,
        };
        command.SetAction((r, _) => DatabaseCommand.RestoreAsync(console, r.GetValue(dataDirectory), r.GetRequiredValue(archive), r.GetValue(yes)));
        return command;
    }
}
