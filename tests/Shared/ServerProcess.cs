using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Gongkai.Tests;

/// <summary>
/// A real server program a test process needs (redis-server, s3rver): started on a free port of
/// 127.0.0.1 with a fresh folder, waited for until it listens, and killed with the test process.
/// </summary>
public static class ServerProcess
{
    /// <summary>Starts <paramref name="program"/> with the arguments <paramref name="arguments"/> makes of the port and the folder; returns the port once it listens.</summary>
    public static int Start(string program, string name, Func<string, string, IEnumerable<string>> arguments, string missing)
    {
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory($"gongkai-{name}-").FullName;
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments(port.ToString(CultureInfo.InvariantCulture), folder))
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(missing, e);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"{name} exited at start-up.");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return port;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new TimeoutException($"{name} did not listen within 30 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
