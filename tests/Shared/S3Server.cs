using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gongkai.Tests;

/// <summary>
/// A real S3-compatible server for the S3 file backend's tests: s3rver (Node.js, tools/s3, installed by
/// test.sh with npm) on 127.0.0.1, a fresh folder, one bucket; started once per test process and
/// stopped with it. Without it the S3 tests fail: they never pass by skipping.
/// </summary>
public sealed class S3Server
{
    public const string Bucket = "gongkai";
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private static readonly Lazy<S3Server> Shared = new(Start);

    private S3Server(string serviceUrl) => ServiceUrl = serviceUrl;

    public string ServiceUrl { get; }

    public static S3Server Instance => Shared.Value;

    /// <summary>The settings an operator gives the app for it, with a prefix of the caller's own so tests do not see each other's files.</summary>
    public Dictionary<string, string> Environment(string prefix) => new()
    {
        ["Gongkai__Files"] = "S3",
        ["Gongkai__S3__ServiceUrl"] = ServiceUrl,
        ["Gongkai__S3__Bucket"] = Bucket,
        ["Gongkai__S3__AccessKey"] = AccessKey,
        ["Gongkai__S3__SecretKey"] = SecretKey,
        ["Gongkai__S3__Prefix"] = prefix,
    };

    private static S3Server Start()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "Gongkai.slnx"))) root = Path.GetDirectoryName(root);
        var executable = Path.Combine(root ?? throw new InvalidOperationException("Gongkai.slnx not found above " + AppContext.BaseDirectory),
            "tools", "s3", "node_modules", ".bin", "s3rver");
        if (!File.Exists(executable))
            throw new InvalidOperationException($"{executable} is missing: run the tests through ./test.sh, which installs it with npm (tools/s3).");
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("gongkai-s3-").FullName;
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-d", folder, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--configure-bucket", Bucket })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
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
            if (process.HasExited) throw new InvalidOperationException("s3rver exited at start-up.");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return new S3Server($"http://127.0.0.1:{port}");
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        throw new TimeoutException("s3rver did not listen within 30 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
