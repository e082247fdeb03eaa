using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gongkai.Benchmarks.Catalogue;

/// <summary>
/// The yardstick: a bare ASP.NET Core app — Kestrel, no middleware, one endpoint answering "ok" —
/// measured in the same run as the web app. It runs as its own process (this benchmark with the
/// command <c>bare-server</c>) with server garbage collection, as the Web SDK gives the web app,
/// while the benchmark process keeps the workstation collector that report-throughput's CPU
/// accounting needs. The web app's own /bench/bare (the same answer behind all of its
/// middleware) is measured too.
/// </summary>
internal sealed class BareServer : IAsyncDisposable
{
    public const string Command = "bare-server";

    private readonly Process process;

    private BareServer(Process process, string url)
    {
        this.process = process;
        Url = url;
    }

    public string Url { get; }

    public static async Task<BareServer> StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Gongkai.Benchmarks.dll"));
        start.ArgumentList.Add(Command);
        start.Environment["DOTNET_gcServer"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("无法启动基准对照网站。");
        var url = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
        if (url is null || !url.StartsWith("http://", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("基准对照网站启动失败。");
        }
        return new BareServer(process, url);
    }

    /// <summary>The child's side: serve, print the address, stop when the parent closes standard input.</summary>
    public static async Task ServeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/", () => Results.Text("ok"));
        await app.StartAsync();
        Console.WriteLine(app.Urls.Single());
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(10_000))
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
