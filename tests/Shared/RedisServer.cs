using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Gongkai.Tests;

/// <summary>
/// A real redis-server (Debian's, installed by test.sh) on 127.0.0.1 with nothing saved to disk;
/// started once per test process and stopped with it. Without it the tests that need it fail: they
/// never pass by skipping.
/// </summary>
public sealed class RedisServer
{
    private static readonly Lazy<RedisServer> Shared = new(Start);

    private RedisServer(string configuration) => Configuration = configuration;

    /// <summary>What an operator writes in <c>Gongkai:Redis</c>.</summary>
    public string Configuration { get; }

    public static RedisServer Instance => Shared.Value;

    private static RedisServer Start()
    {
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("gongkai-redis-").FullName;
        var start = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder })
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("redis-server is missing: run the tests through ./test.sh, which installs it with apt-get.", e);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException("redis-server exited at start-up.");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return new RedisServer($"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new TimeoutException("redis-server did not listen within 20 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
