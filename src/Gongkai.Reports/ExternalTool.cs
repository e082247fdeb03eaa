using System.ComponentModel;
using System.Diagnostics;

namespace Gongkai.Reports;

/// <summary>What an external program left behind: exit code, stdout (bounded) and the tail of stderr.</summary>
public sealed record ToolResult(int ExitCode, byte[] Output, string Error);

/// <summary>Why an external program gave no result.</summary>
public enum ToolFailure
{
    /// <summary>The executable does not exist.</summary>
    Missing,

    /// <summary>It ran longer than allowed and was killed with its children.</summary>
    Timeout,

    /// <summary>It wrote more than allowed to stdout and was killed.</summary>
    TooMuchOutput,
}

public sealed class ToolException(ToolFailure failure) : Exception(failure.ToString())
{
    public ToolFailure Failure { get; } = failure;
}

/// <summary>
/// Runs every external program Gongkai relies on (poppler, chromium, pg_dump, pg_restore):
/// arguments passed as a list (no shell), settings such as a password through the environment
/// (never on a command line), stdout read with a cap, a timeout or a cancellation that kills the
/// whole process tree.
/// </summary>
public static class ExternalTool
{
    private const int MaxErrorChars = 4000;

    /// <summary>The executable named by <paramref name="envVar"/> if set, else <paramref name="name"/> on PATH.</summary>
    public static string Resolve(string envVar, string name) =>
        Environment.GetEnvironmentVariable(envVar) is { Length: > 0 } path ? path : name;

    /// <summary>
    /// Runs the program to its end; <paramref name="cancellationToken"/> kills the process tree and
    /// throws <see cref="OperationCanceledException"/>, the timeout and the output cap throw
    /// <see cref="ToolException"/>, and so does a missing executable.
    /// </summary>
    public static async Task<ToolResult> RunAsync(string executable, IEnumerable<string> arguments, TimeSpan timeout, long maxOutput,
        CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var a in arguments)
            info.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            throw new ToolException(ToolFailure.Missing);
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancel.CancelAfter(timeout);
        var reader = new CappedReader(maxOutput, cancel);
        var output = reader.ReadAsync(process.StandardOutput.BaseStream);
        var error = process.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            await process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
            var bytes = await output.ConfigureAwait(false);
            var stderr = await error.ConfigureAwait(false);
            if (stderr.Length > MaxErrorChars)
                stderr = stderr[^MaxErrorChars..];
            return new ToolResult(process.ExitCode, bytes, stderr);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new ToolException(reader.Overflowed ? ToolFailure.TooMuchOutput : ToolFailure.Timeout);
        }
    }

    /// <summary>
    /// For the synchronous report readers alone (poppler inside <c>ReportFile.Read</c>); everything
    /// else awaits <see cref="RunAsync"/>.
    /// </summary>
    internal static ToolResult Run(string executable, IEnumerable<string> arguments, TimeSpan timeout, long maxOutput) =>
        RunAsync(executable, arguments, timeout, maxOutput, CancellationToken.None).GetAwaiter().GetResult();

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <summary>Reads a stream to its end, or cancels everything once it passes the cap.</summary>
    private sealed class CappedReader(long max, CancellationTokenSource cancel)
    {
        public volatile bool Overflowed;

        public async Task<byte[]> ReadAsync(Stream stream)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = await stream.ReadAsync(chunk, cancel.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + n > max)
                {
                    Overflowed = true;
                    await cancel.CancelAsync().ConfigureAwait(false);
                    cancel.Token.ThrowIfCancellationRequested();
                }
                buffer.Write(chunk, 0, n);
            }
            return buffer.ToArray();
        }
    }
}
