using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Gongkai.Core.Tests.Support;
using Gongkai.E2E.Support;
using Gongkai.Tests;

namespace Gongkai.E2E.Cluster;

/// <summary>
/// A provincial platform in miniature, all on 127.0.0.1: one PostgreSQL database, a redis-server of
/// its own, a mail sink, two Gongkai.Web processes (A with the demo region, B) with the output cache
/// in Redis and the files in the database, and haproxy in front, round robin, checking
/// /health/ready every half second and retrying an idempotent request on the other server when one
/// fails. Each response says which server answered (X-Served-By: a or b). Shared by the class's tests.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly List<Process> processes = [];
    private readonly System.Text.StringBuilder output = new();
    private readonly string folder = Directory.CreateTempSubdirectory("gongkai-cluster-").FullName;
    private PostgresDatabase database = null!;

    public WebServer A { get; private set; } = null!;
    public WebServer B { get; private set; } = null!;
    public SmtpServer Mail { get; private set; } = null!;
    public string BalancerUrl { get; private set; } = "";
    public string ConnectionString => database.ConnectionString;

    public Dictionary<string, string> Environment { get; } = [];

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync("gongkai_cluster");
        Mail = await SmtpServer.StartAsync();
        var redisPort = FreePort();
        Start("redis-server", "--port", Text(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder);
        await WaitForPortAsync(redisPort);

        foreach (var (name, value) in database.Environment) Environment[name] = value;
        Environment["Gongkai__Redis"] = $"127.0.0.1:{redisPort}";
        Environment["Gongkai__Files"] = "Database";
        Environment["Gongkai__Jobs__PollSeconds"] = "1";
        Environment["Gongkai__Smtp__Host"] = "127.0.0.1";
        Environment["Gongkai__Smtp__Port"] = Text(Mail.Port);
        Environment["Gongkai__Smtp__From"] = "gongkai@shifan.example.gov.cn";
        Environment["Gongkai__Smtp__UserName"] = SmtpServer.User;
        Environment["Gongkai__Smtp__Password"] = SmtpServer.Password;
        Environment["Gongkai__Smtp__CertificateSha256"] = Mail.CertificateSha256;
        Environment["Gongkai__Benchmark"] = "true";
        Environment["Gongkai__KnownProxies"] = "127.0.0.1";
        // What the tests wait for: each request's start (Sigterm) and each look at a job that is not due.
        Environment["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
        Environment["Logging__LogLevel__Gongkai.Core.Cluster"] = "Debug";

        // A first, alone: it creates the schema and the demo region; B then joins the same database.
        A = await WebServer.StartAsync(Environment, "--demo");
        B = await WebServer.StartAsync(Environment);

        var balancerPort = FreePort();
        var config = Path.Combine(folder, "haproxy.cfg");
        await File.WriteAllTextAsync(config, $"""
            global
                maxconn 256
            defaults
                mode http
                timeout connect 2s
                timeout client 30s
                timeout server 30s
                retries 3
                option redispatch 1
                retry-on all-retryable-errors
                option http-server-close
            frontend portal
                bind 127.0.0.1:{balancerPort}
                default_backend web
            backend web
                balance roundrobin
                option httpchk GET /health/ready
                http-check expect status 200
                default-server inter 500ms fall 1 rise 2
                http-response set-header X-Served-By %s
                server a {new Uri(A.BaseUrl).Authority} check
                server b {new Uri(B.BaseUrl).Authority} check

            """);
        Start("haproxy", "-f", config, "-db");
        await WaitForPortAsync(balancerPort);
        BalancerUrl = $"http://127.0.0.1:{balancerPort}";
        await WaitUntilBothServeAsync();
    }

    /// <summary>Stops A as a service manager does (SIGTERM) and starts it again on the same address; haproxy takes it back once healthy.</summary>
    public async Task RestartAAsync()
    {
        A = await A.RestartAsync(Environment);
        await WaitUntilBothServeAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var process in processes)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync();
            process.Dispose();
        }
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Mail.DisposeAsync();
        await database.DisposeAsync();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>Waits until both servers have looked at the reminder job <paramref name="times"/> more times and found it not due (or taken).</summary>
    public async Task WaitForJobPollsAsync(int times)
    {
        static int Looks(WebServer server) => server.Output.Split('\n').Count(line =>
            line.Contains("is not due or runs on another server", StringComparison.Ordinal) && line.Contains("reminder-mail", StringComparison.Ordinal));
        var (a, b) = (Looks(A), Looks(B));
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (Looks(A) < a + times || Looks(B) < b + times)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The servers did not look at the reminder job {times} more times within 2 minutes.");
            await Task.Delay(200);
        }
    }

    private async Task WaitUntilBothServeAsync()
    {
        using var http = new HttpClient();
        var seen = new HashSet<string>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (seen.Count < 2 && DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(BalancerUrl + "/health/ready");
                if (response.IsSuccessStatusCode && response.Headers.TryGetValues("X-Served-By", out var by)) seen.Add(by.Single());
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        if (seen.Count < 2) throw new TimeoutException("haproxy did not send requests to both servers within 2 minutes; seen: " + string.Join(",", seen));
    }

    private void Start(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        process.OutputDataReceived += (_, e) => Append(program, e.Data);
        process.ErrorDataReceived += (_, e) => Append(program, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        processes.Add(process);
    }

    private void Append(string program, string? line)
    {
        if (line is null) return;
        lock (output) output.Append(program).Append(": ").AppendLine(line);
    }

    private async Task WaitForPortAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        lock (output) throw new TimeoutException($"Nothing listened on port {port} within 20 s:\n{output}");
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
