using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gongkai.Benchmarks.Catalogue;

/// <summary>The web app (Release, built beside the benchmark) as an operator runs it, on the generated data folder, in benchmark mode.</summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly Process process;

    private BenchServer(Process process, string url)
    {
        this.process = process;
        Url = url;
    }

    public string Url { get; }

    /// <param name="environment">Further settings (PostgreSQL, Redis, files) as environment variables.</param>
    /// <param name="arguments">Further arguments, such as <c>--demo</c>.</param>
    public static async Task<BenchServer> StartAsync(string dataDirectory, string repositoryRoot, IReadOnlyDictionary<string, string>? environment = null,
        params string[] arguments)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Gongkai.Web.dll"), "--urls", url, "--contentRoot", Path.Combine(repositoryRoot, "src", "Gongkai.Web") }.Concat(arguments))
            start.ArgumentList.Add(argument);
        start.Environment["GONGKAI_DATA_DIR"] = Path.GetFullPath(dataDirectory);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Gongkai__Benchmark"] = "true";
        // The daily open-data dump is a job due at once on a fresh platform: of a million documents it would run during the measurement.
        start.Environment["Gongkai__OpenData__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("无法启动网站。");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  server: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new BenchServer(process, url);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        // The demo region seeded into PostgreSQL on a busy machine takes minutes.
        for (var deadline = DateTime.UtcNow.AddMinutes(10); DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            if (process.HasExited) throw new InvalidOperationException("网站启动失败。");
            try
            {
                // Up, and its catalogue list rows loaded (10-20 s for a million documents; the list reads the database until then).
                if ((await http.GetAsync(url + "/health")).IsSuccessStatusCode && (await http.GetAsync(url + "/bench/warm")).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
        }
        await server.DisposeAsync();
        throw new TimeoutException("网站在10分钟内没有就绪。");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
