using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gongkai.Reports.Tests;
using Gongkai.Tests;
using Npgsql;

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

    /// <summary>The platform's commands on PostgreSQL, configured as an operator would: demo seed, then a generated report.</summary>
    [Fact]
    [Trait(TestCategory.Name, TestCategory.PostgreSQL)]
    public async Task Gongkai_OnPostgreSql_SeedsTheDemoAndGeneratesLastYearsReport()
    {
        await using var postgres = await PostgresDatabase.CreateAsync("gongkai_cli");
        var seed = Run(postgres.Environment, "demo", "seed");
        string code;
        await using (var db = new NpgsqlConnection(postgres.ConnectionString))
        {
            await db.OpenAsync();
            await using var select = new NpgsqlCommand("SELECT organization_code FROM agencies WHERE name = '示范市人民政府办公室'", db);
            code = (string)(await select.ExecuteScalarAsync())!;
        }
        var lastYear = (DateTime.UtcNow.Year - 1).ToString(CultureInfo.InvariantCulture);
        var generated = Run(postgres.Environment, "report", "generate", "--agency", code, "--year", lastYear);

        seed.Code.ShouldBe(0, seed.Stderr);
        generated.Code.ShouldBe(0, generated.Stderr);
        generated.Stdout.ShouldStartWith("{\n  \"agency\": \"示范市人民政府办公室\",\n  \"year\": " + lastYear);
        generated.Stderr.ShouldContain("核对发现错误 0 个");
    }

    private static (int Code, string Stdout) Start(params string[] args)
    {
        var (code, stdout, stderr) = Run(new Dictionary<string, string>(), args);
        stderr.ShouldBeEmpty();
        return (code, stdout);
    }

    private static (int Code, string Stdout, string Stderr) Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(3)).ShouldBeTrue();
        return (process.ExitCode, stdout.Result, stderr.Result);
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
