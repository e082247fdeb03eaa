using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.Operations;
using Gongkai.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Platform;

/// <summary>gongkai db migrate / backup / restore, on the same services the web app uses.</summary>
internal static class DatabaseCommand
{
    public static Task<int> MigrateAsync(CliConsole console, string? dataDirectory) =>
        PlatformServices.RunAsync(console, dataDirectory, async services =>
        {
            await MigrateAndEnsureAdministratorAsync(console, services);
            return ExitCodes.Ok;
        });

    public static Task<int> BackupAsync(CliConsole console, string? dataDirectory, string archive) =>
        PlatformServices.RunAsync(console, dataDirectory, async services =>
        {
            var manifest = await services.GetRequiredService<BackupService>().BackupAsync(Path.GetFullPath(archive), AuditActor.CommandLine);
            console.Out.WriteLine($"已备份 {manifest.Provider} 数据库（表结构版本 {manifest.SchemaVersion}）和 {manifest.FileCount} 个上传文件到 {Path.GetFullPath(archive)}");
            return ExitCodes.Ok;
        });

    public static Task<int> RestoreAsync(CliConsole console, string? dataDirectory, string archive, bool confirmed)
    {
        if (!File.Exists(archive)) return Task.FromResult(console.Fail($"找不到备份文件 {archive}"));
        if (!confirmed)
            return Task.FromResult(console.Fail("恢复会用备份替换当前的数据库和全部上传文件，且不能撤销。请先停止网站，确认后加 --yes 再运行。"));
        return PlatformServices.RunAsync(console, dataDirectory, async services =>
        {
            var manifest = await services.GetRequiredService<BackupService>().RestoreAsync(Path.GetFullPath(archive), AuditActor.CommandLine);
            console.Out.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"已从 {Path.GetFileName(archive)} 恢复数据库和 {manifest.FileCount} 个上传文件（备份时间 {manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC）"));
            return ExitCodes.Ok;
        });
    }

    /// <summary>Exit 0 when files and records agree, 1 when something is reported.</summary>
    public static Task<int> SweepFilesAsync(CliConsole console, string? dataDirectory, bool remove) =>
        PlatformServices.RunAsync(console, dataDirectory, async services =>
        {
            var report = await services.GetRequiredService<FileSweep>().RunAsync(remove);
            console.Out.WriteLine($"已移入中断时未移入的文件 {report.Completed} 个，删除未提交的暂存文件 {report.Abandoned} 个。");
            foreach (var path in report.Unrecorded)
                console.Out.WriteLine($"{(remove ? "已删除" : "没有记录")}：{path}");
            foreach (var id in report.Missing)
                console.Out.WriteLine($"找不到文件：{id:N}");
            console.Out.WriteLine($"没有记录的文件 {report.Unrecorded.Count} 个{(remove ? "（已删除）" : "")}，找不到文件的记录 {report.Missing.Count} 条。");
            return report.Unrecorded.Count == 0 && report.Missing.Count == 0 ? ExitCodes.Ok : ExitCodes.Findings;
        });

    /// <summary>What the web app does at start-up: the schema, then an administrator if there is none.</summary>
    internal static async Task MigrateAndEnsureAdministratorAsync(CliConsole console, IServiceProvider services)
    {
        var migrator = services.GetRequiredService<Migrator>();
        foreach (var migration in await migrator.MigrateAsync())
            console.Out.WriteLine($"已应用迁移 {migration.Version:D4} {migration.Name}");
        var versions = await migrator.AppliedVersionsAsync();
        console.Out.WriteLine($"数据库表结构为最新版本 {versions[^1]}（{services.GetRequiredService<StorageSettings>().Provider}）");
        if (await services.GetRequiredService<FirstRun>().EnsureAdministratorAsync() is { } admin)
        {
            console.Out.WriteLine($"已创建系统管理员账号 {admin.User.UserName}，一次性密码：{admin.Password}");
            console.Out.WriteLine("此密码只显示这一次，首次登录时必须修改。");
        }
    }
}
