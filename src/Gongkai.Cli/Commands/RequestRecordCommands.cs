using System.CommandLine;
using Gongkai.Cli.Platform;
using Gongkai.Core.Audit;
using Gongkai.Core.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary>The <c>requests</c> group: maintenance of the 依申请公开 records.</summary>
internal static class RequestRecordCommands
{
    public static Command Create(CliConsole console) =>
        new("requests", "依申请公开的办理记录。")
        {
            Recompute(console),
            SimulateCommand.Create(console),
        };

    private static Command Recompute(CliConsole console)
    {
        var dataDirectory = DbCommands.DataDirectory();
        var command = new Command("recompute", "按每件申请的办理记录重新计算其状态、办理结果和各项日期，更正不一致之处（期限不保存，无需重算）。")
        {
            dataDirectory,
        };
        command.SetAction((r, _) => PlatformServices.RunAsync(console, r.GetValue(dataDirectory), async services =>
        {
            var report = await services.GetRequiredService<RequestRecompute>().RunAsync(AuditActor.CommandLine);
            console.Out.WriteLine($"已核对 {report.Checked} 件申请，更正 {report.Corrected.Count} 件" +
                (report.Corrected.Count > 0 ? "：" + string.Join("、", report.Corrected) : "。"));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
