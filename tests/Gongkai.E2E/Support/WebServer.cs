using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.E2E.Support;

/// <summary>
/// The web app as an operator runs it: its own process, Kestrel on 127.0.0.1 on a free port, a fresh
/// data folder, production settings. What it prints is kept, so tests read the one-time password
/// from the console exactly as a newcomer does.
/// </summary>
public sealed partial class WebServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    /// <summary>Set once a restart has handed the process and data folder over to a new server.</summary>
    private bool disposed;

    private WebServer(Process process, string baseUrl, string dataDirectory)
    {
        this.process = process;
        BaseUrl = baseUrl;
        DataDirectory = dataDirectory;
    }

    public string BaseUrl { get; }
    public string DataDirectory { get; }

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    [GeneratedRegex("一次性密码：(\\S+)")]
    private static partial Regex AdminPasswordPattern();

    public string AdminPassword => AdminPasswordPattern().Match(Output) is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException("The server printed no administrator password:\n" + Output);

    /// <summary>A server on a fresh data folder; <paramref name="arguments"/> go to the app as an operator would pass them (--demo).</summary>
    public static Task<WebServer> StartAsync(params string[] arguments) => StartAsync(new Dictionary<string, string>(), arguments);

    /// <summary>
    /// A server with extra settings (environment variables such as Gongkai__Today) and arguments
    /// (such as --demo), on a fresh data folder.
    /// </summary>
    public static Task<WebServer> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        StartAsync(Directory.CreateTempSubdirectory("gongkai-e2e-").FullName, FreePort(), environment, arguments);

    /// <summary>
    /// A server on a data folder prepared beforehand (a copy of a template's), as if it had printed
    /// <paramref name="earlierOutput"/> at an earlier start (the one-time password, the demo accounts).
    /// </summary>
    public static async Task<WebServer> StartOnAsync(string dataDirectory, IReadOnlyDictionary<string, string> environment, string earlierOutput)
    {
        var server = await StartAsync(dataDirectory, FreePort(), environment, earlyOutput: earlierOutput);
        return server;
    }

    /// <summary>Stops the server (SIGTERM) and keeps its data folder, for copies to start from.</summary>
    public async Task StopKeepingDataAsync()
    {
        await StopAsync();
        process.Dispose();
        disposed = true;
    }

    /// <summary>
    /// A server started the way an operator might: from another working directory (its fresh data
    /// folder) and without <c>--contentRoot</c>, so it must find its settings and pages by itself.
    /// </summary>
    public static Task<WebServer> StartWithoutContentRootAsync() =>
        StartAsync(Directory.CreateTempSubdirectory("gongkai-e2e-").FullName, FreePort(), new Dictionary<string, string>(), contentRoot: false);

    /// <summary>Stops this server and starts another on the same data folder and address with other settings (another "today").</summary>
    public async Task<WebServer> RestartAsync(IReadOnlyDictionary<string, string> environment)
    {
        await StopAsync();
        process.Dispose();
        disposed = true;
        return await StartAsync(DataDirectory, new Uri(BaseUrl).Port, environment);
    }

    private static async Task<WebServer> StartAsync(string dataDirectory, int port, IReadOnlyDictionary<string, string> environment, string[]? arguments = null,
        bool contentRoot = true, string earlyOutput = "")
    {
        var root = typeof(WebServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WebContentRoot").Value!;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        string[] host = contentRoot ? ["--contentRoot", root] : [];
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Gongkai.Web.dll"), "--urls", $"http://127.0.0.1:{port}" }.Concat(host).Concat(arguments ?? []))
            start.ArgumentList.Add(argument);
        start.Environment["GONGKAI_DATA_DIR"] = dataDirectory;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        var process = Process.Start(start)!;
        var server = new WebServer(process, $"http://127.0.0.1:{port}", dataDirectory);
        server.output.Append(earlyOutput);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync();
        return server;
    }

    /// <summary>Stops the server the way a service manager does (SIGTERM) and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (process.HasExited) return process.ExitCode;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
            return;
        if (!process.HasExited)
        {
            try { await StopAsync(); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
        }
        process.Dispose();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    /// <summary>
    /// Waits for /health while the app is starting: as long as it keeps writing its log (migrations,
    /// each step of the demo region), it is making progress, however loaded the machine; it has
    /// failed when it exits, or is silent and unhealthy for <see cref="Stall"/>.
    /// </summary>
    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var lastLength = -1;
        var lastProgress = DateTime.UtcNow;
        var giveUp = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow - lastProgress < Stall && DateTime.UtcNow < giveUp)
        {
            var length = Output.Length;
            if (length != lastLength)
                (lastLength, lastProgress) = (length, DateTime.UtcNow);
            if (process.HasExited) throw new InvalidOperationException("The web app exited at start-up:\n" + Output);
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The web app did not become healthy: silent for {Stall.TotalSeconds} s or starting for over 10 minutes:\n" + Output);
    }

    // A demo step (the request scenarios, with their letters) can run for minutes on a loaded two-core machine.
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(240);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
