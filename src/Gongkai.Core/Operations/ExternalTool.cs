using System.Diagnostics;

namespace Gongkai.Core.Operations;

/// <summary>Runs pg_dump / pg_restore, passing the connection through libpq's environment variables so no password appears on a command line.</summary>
internal static class ExternalTool
{
    public static async Task RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"无法启动 {program}。");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} 执行失败（退出码 {process.ExitCode}）：{(await stderr).Trim()} {(await stdout).Trim()}");
    }
}
