using System.Diagnostics;
using System.Text;
using Gongkai.Reports.Tests;

namespace Gongkai.Cli.Tests;

/// <summary>The built program itself, run as a supervisor's script would run it.</summary>
public class ExecutableTests
{
    [Fact]
    public void Gongkai_CheckSeed000_ExitsOneAndPrintsTheRuleInUtf8()
    {
        var (code, stdout) = Start("report", "check", TestFiles.Seed("000"));

        code.ShouldBe(1);
        stdout.ShouldContain("requests.balance");
        stdout.ShouldContain("深圳市住房和建设局");
    }

    [Fact]
    public void Gongkai_Help_ListsTheReportGroup()
    {
        var (code, stdout) = Start("--help");

        code.ShouldBe(0);
        stdout.ShouldContain("report");
        stdout.ShouldContain("用法");
    }

    private static (int Code, string Stdout) Start(params string[] args)
    {
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(1)).ShouldBeTrue();
        stderr.Result.ShouldBeEmpty();
        return (process.ExitCode, stdout.Result);
    }

    /// <summary>The apphost named gongkai: copied beside the test binaries, or in the CLI's own output.</summary>
    private static string Executable()
    {
        var name = OperatingSystem.IsWindows() ? "gongkai.exe" : "gongkai";
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, name),
            Path.Combine(TestFiles.Root, "artifacts", "bin", "Gongkai.Cli", configuration, name),
        ];
        return candidates.FirstOrDefault(File.Exists)
               ?? throw new FileNotFoundException("The gongkai executable was not built: " + string.Join(", ", candidates));
    }
}
