using System.CommandLine;
using Gongkai.Cli.Platform;

namespace Gongkai.Cli.Commands;

/// <summary>The <c>demo</c> group: demonstration data for newcomers and trainings.</summary>
internal static class DemoCommands
{
    public static Command Create(CliConsole console) =>
        new("demo", "演示数据。")
        {
            Seed(console),
        };

    private static Command Seed(CliConsole console)
    {
        var dataDirectory = DbCommands.DataDirectory();
        var command = new Command("seed", "载入演示地区“示范市”：市、区县、部门和乡镇街道及其公开指南，各角色的工作人员账号。已载入时不重复载入。")
        {
            dataDirectory,
        };
        command.SetAction((r, _) => DemoSeedCommand.RunAsync(console, r.GetValue(dataDirectory)));
        return command;
    }
}
