using System.CommandLine;
using System.Globalization;
using Gongkai.Cli.Commands;

namespace Gongkai.Cli;

/// <summary>The <c>gongkai</c> command: one group of subcommands per area, all help and messages in Chinese.</summary>
public static class Cli
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

    /// <summary>Runs a command line and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal = false)
    {
        // System.CommandLine's own texts (用法, 选项, parse errors) follow the UI culture.
        var uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Chinese;
        try
        {
            var result = Root(new CliConsole(stdout, stderr, stderrIsTerminal)).Parse(args);
            // Commands write to stdout and stderr directly; only the library's help and parse
            // errors go through these buffers, to be completed in Chinese.
            using var libraryOut = new StringWriter(CultureInfo.InvariantCulture);
            using var libraryError = new StringWriter(CultureInfo.InvariantCulture);
            var code = result.Invoke(new InvocationConfiguration { Output = libraryOut, Error = libraryError, EnableDefaultExceptionHandler = false });
            stderr.Write(CommandLineText.Translate(libraryError.ToString()));
            stdout.Write(CommandLineText.Translate(libraryOut.ToString()));
            // System.CommandLine answers a wrong command line with 1, which here means "findings".
            return result.Errors.Count > 0 ? ExitCodes.Error : code;
        }
        catch (Exception e)
        {
            stderr.WriteLine("gongkai 内部错误，请把以下信息报告给维护者：");
            stderr.WriteLine(e.ToString());
            return ExitCodes.Error;
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    private static RootCommand Root(CliConsole console) =>
        new("gongkai：政府信息公开工具。读取、核对和生成政府信息公开工作年度报告；按官方工作日日历计算办理期限；管理平台的数据库、演示数据和依申请公开记录；迁移导入和导出、数据开放。")
        {
            ReportCommands.Create(console),
            CalendarCommands.Create(console),
            DbCommands.Create(console),
            DemoCommands.Create(console),
            RequestRecordCommands.Create(console),
            ImportCommands.Import(console),
            ImportCommands.Export(console),
            ImportCommands.OpenData(console),
        };
}
