using System.Diagnostics;
using System.Globalization;
using Gongkai.Core.Audit;
using Gongkai.Core.Imports;
using Gongkai.Core.OpenData;
using Gongkai.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Gongkai.Cli.Platform;

/// <summary>gongkai import / export / open-data build, on the platform's services.</summary>
internal static class ImportCommand
{
    public static Task<int> RunAsync(CliConsole console, string? dataDirectory, ImportKind kind, string file, bool check, int batch, string? attachments,
        string? passwords)
    {
        if (!File.Exists(file)) return Task.FromResult(console.Fail($"找不到文件 {file}"));
        if (attachments is not null && !File.Exists(attachments) && !Directory.Exists(attachments))
            return Task.FromResult(console.Fail($"找不到附件文件夹或 ZIP 文件 {attachments}"));
        if (batch is < 1 or > 100_000) return Task.FromResult(console.Fail("--batch 应在1至100000之间。"));
        return PlatformServices.RunAsync(console, dataDirectory, async services =>
        {
            await services.GetRequiredService<Migrator>().MigrateAsync();
            using var source = attachments is null ? null : AttachmentSource.Open(attachments);
            var lines = CountLines(file);
            var report = await WithProgressAsync(console, kind, check, lines, progress =>
                services.GetRequiredService<Importer>().ImportAsync(kind, file, new ImportOptions(AuditActor.CommandLine, check, batch, progress), source));
            foreach (var refusal in report.Refusals) console.Out.WriteLine(refusal.ToString());
            console.Out.WriteLine(report.Summary);
            if (report.Issued is { Count: > 0 } issued)
            {
                var text = string.Concat(issued.Select(i => $"{i.UserName},{i.Password}\n"));
                if (passwords is null) console.Out.Write("新账号的一次性密码（只显示这一次，首次登录须修改）：\n" + text);
                else
                {
                    await File.WriteAllTextAsync(passwords, "用户名,一次性密码\n" + text);
                    if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(passwords, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                    console.Out.WriteLine($"{issued.Count} 个新账号的一次性密码已写入 {passwords}（首次登录须修改）。");
                }
            }
            return report.FileError is not null ? ExitCodes.Error : report.Refused > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        });
    }

    public static Task<int> ExportAsync(CliConsole console, string? dataDirectory, string? agency, string output) =>
        PlatformServices.RunAsync(console, dataDirectory, async services =>
        {
            try
            {
                var report = await services.GetRequiredService<DataExport>().ExportAsync(agency, Path.GetFullPath(output), AuditActor.CommandLine);
                foreach (var (name, rows) in report.Files) console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}\t{rows} 行"));
                console.Out.WriteLine($"已导出到 {report.Directory}");
                return ExitCodes.Ok;
            }
            catch (ImportFileException e)
            {
                return console.Fail(e.Message);
            }
        });

    public static Task<int> BuildOpenDataAsync(CliConsole console, string? dataDirectory) =>
        PlatformServices.RunAsync(console, dataDirectory, async services =>
        {
            var manifest = await services.GetRequiredService<OpenDataDump>().BuildAsync();
            foreach (var f in manifest.Files) console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f.Name}\t{f.Count} 条\t{f.Sha256}"));
            console.Out.WriteLine($"已生成 {manifest.Day} 的批量数据：{services.GetRequiredService<IOpenDataStore>().Location}");
            return ExitCodes.Ok;
        });

    /// <summary>Lines of the file, for the progress bar: rows may span several lines, so the bar follows the line reached.</summary>
    private static int CountLines(string file)
    {
        using var stream = File.OpenRead(file);
        var buffer = new byte[1 << 16];
        var lines = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) lines += buffer.AsSpan(0, read).Count((byte)'\n');
        return Math.Max(1, lines);
    }

    /// <summary>A live bar on a terminal (lines of the file, rows a second); in a log, a line every few seconds.</summary>
    private static async Task<ImportReport> WithProgressAsync(CliConsole console, ImportKind kind, bool check, int lines,
        Func<IProgress<ImportProgress>, Task<ImportReport>> work)
    {
        var title = $"{(check ? "检查" : "导入")}{kind.Label()}";
        if (console.ErrorIsTerminal)
        {
            var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });
            return await terminal.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(title, maxValue: lines);
                    return await work(new Progress(p =>
                    {
                        task.Value = p.Line;
                        task.Description = string.Create(CultureInfo.InvariantCulture, $"{title} {p.Rows:N0} 行");
                    }));
                });
        }
        var watch = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        return await work(new Progress(p =>
        {
            if (watch.Elapsed - last < TimeSpan.FromSeconds(5)) return;
            last = watch.Elapsed;
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{title}：第 {p.Line:N0}/{lines:N0} 行，{p.Rows:N0} 行，新增 {p.Added:N0}，已存在 {p.Existing:N0}，拒绝 {p.Refused:N0}，{p.Rows / Math.Max(1, watch.Elapsed.TotalSeconds):N0} 行/秒"));
        }));
    }

    /// <summary>Reported on the importing thread, between batches.</summary>
    private sealed class Progress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
