using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace Gongkai.Benchmarks.Catalogue;

/// <summary>
/// cluster [seconds]: a provincial platform in miniature on this machine — one PostgreSQL database
/// (created for the run from <c>GONGKAI_BENCH_POSTGRES</c>, else <c>GONGKAI_TEST_POSTGRES</c>, and
/// dropped after it), a redis-server, two web servers (A seeds the demo region) with the output cache
/// in Redis and the files in the database, and haproxy in front, round robin. With wrk, for each
/// target: the bare app; the catalogue's list pages as served through the balancer to two servers
/// and to one server (a second haproxy with A alone), and the same rendered on every request; all
/// while one document a second is published (through the real steps, on A and B in turn), so the
/// pages it touches are evicted for every server during the run. The share served from the cache
/// is counted from the responses' Age header in a separate 5 s run, also while publishing.
/// Targets: the list as served ≥ 40% of the bare app while publishing; rendered ≥ 25%.
/// </summary>
internal static partial class ClusterLoad
{
    private const double CachedTarget = 0.4;
    private const double RenderedTarget = 0.25;

    public static async Task<int> RunAsync(TimeSpan duration)
    {
        var admin = Environment.GetEnvironmentVariable("GONGKAI_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES");
        if (admin is null || !Wrk.IsInstalled() || !Installed("redis-server") || !Installed("haproxy"))
        {
            Console.Error.WriteLine("需要 wrk、redis-server、haproxy（sudo apt-get install -y wrk redis-server haproxy）和 PostgreSQL（GONGKAI_BENCH_POSTGRES=连接字符串，该角色须能建库）。");
            return 2;
        }
        var folder = Directory.CreateTempSubdirectory("gongkai-cluster-bench-").FullName;
        var name = "gongkai_bench_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        var helpers = new List<Process>();
        try
        {
            var redisPort = FreePort();
            helpers.Add(Start("redis-server", "--port", Text(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder));
            var environment = new Dictionary<string, string>
            {
                ["Gongkai__Database"] = "PostgreSQL",
                ["ConnectionStrings__Gongkai"] = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 50 }.ConnectionString,
                ["Gongkai__Redis"] = $"127.0.0.1:{redisPort}",
                ["Gongkai__Files"] = "Database",
            };
            var root = Root.Find();
            await using var bare = await BareServer.StartAsync();
            Console.WriteLine("starting server A with the demo region on PostgreSQL…");
            await using var a = await BenchServer.StartAsync(Directory.CreateDirectory(Path.Combine(folder, "a")).FullName, root, environment, "--demo");
            await using var b = await BenchServer.StartAsync(Directory.CreateDirectory(Path.Combine(folder, "b")).FullName, root, environment);
            var two = Balancer(folder, "two", check: true, a.Url, b.Url);
            var one = Balancer(folder, "one", check: true, a.Url);
            var bareBalanced = Balancer(folder, "bare", check: false, bare.Url);
            helpers.AddRange([two.Process, one.Process, bareBalanced.Process]);
            await WaitUntilServingAsync(two.Url);
            await WaitUntilServingAsync(one.Url);
            await WaitUntilServingAsync(bareBalanced.Url, "/");
            var paths = await CataloguePathsAsync(two.Url);
            var documents = await ScalarAsync(admin, name, "SELECT count(*) FROM documents WHERE status = 'Published'");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cluster: {documents} published documents (the demo region); {paths.Count} catalogue pages; " +
                $"wrk -t{Wrk.Threads} -c{Wrk.Connections} -d{duration.TotalSeconds:0}s; one publication a second; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));

            var warmUp = TimeSpan.FromSeconds(5);
            await Wrk.RunAsync("warm-up", bare.Url, ["/"], warmUp);
            var bareRun = await Wrk.RunAsync("bare ASP.NET Core app: GET / → \"ok\"", bare.Url, ["/"], duration);
            // What the balancer itself costs: the bare app behind haproxy.
            var bareBehind = await Wrk.RunAsync("bare ASP.NET Core app through haproxy", bareBalanced.Url, ["/"], duration);
            var runs = new List<(WrkResult Run, int Published, int Failed)> { (bareRun, 0, 0), (bareBehind, 0, 0) };
            foreach (var (balancer, servers) in new[] { (two.Url, "two servers"), (one.Url, "one server") })
            {
                await Wrk.RunAsync("warm-up", balancer, paths, warmUp);
                runs.Add(await Publisher.WhilePublishingAsync([a.Url, b.Url], async () =>
                {
                    var run = await Wrk.RunAsync($"{paths.Count} list pages as served, haproxy → {servers}", balancer, paths, duration);
                    var hits = await Wrk.RunAsync("cache hits", balancer, paths, warmUp, countHits: true);
                    return run with { CacheHits = (double)hits.CacheHits!.Value / hits.Requests };
                }));
                runs.Add(await Publisher.WhilePublishingAsync([a.Url, b.Url], () =>
                    Wrk.RunAsync($"{paths.Count} list pages, each request a new URL, haproxy → {servers}", balancer, paths, duration, uncached: true)));
            }

            Console.WriteLine();
            // The second share compares like with like: each balanced target against the bare app behind the same haproxy.
            Console.WriteLine("| target | requests/s | p50 | p99 | of bare app | of bare app through haproxy | from output cache | published during the run |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (r, published, failed) in runs)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Label} | {r.RequestsPerSecond:N0} | {r.P50} | {r.P99} | {r.RequestsPerSecond / bareRun.RequestsPerSecond:P0} | {(r == bareRun ? "—" : (r.RequestsPerSecond / bareBehind.RequestsPerSecond).ToString("P0", CultureInfo.InvariantCulture))} | {(r.CacheHits is { } h ? h.ToString("P1", CultureInfo.InvariantCulture) : "—")} | {(r == bareRun || r == bareBehind ? "—" : $"{published}{(failed > 0 ? $" ({failed} failed)" : "")}")} |{(r.Errors > 0 ? $" {r.Errors} errors of {r.Requests}" : "")}"));
            var cached = runs[2].Run.RequestsPerSecond / bareRun.RequestsPerSecond;
            var rendered = runs[3].Run.RequestsPerSecond / bareRun.RequestsPerSecond;
            var clean = runs.All(r => r.Run.Errors == 0 && r.Failed == 0);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"two servers, list as served while publishing: {cached:P0} of the bare app (target ≥ {CachedTarget:P0}): {(cached >= CachedTarget && clean ? "PASS" : "FAIL")}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"two servers, list rendered on every request: {rendered:P0} of the bare app (target ≥ {RenderedTarget:P0}): {(rendered >= RenderedTarget && clean ? "PASS" : "FAIL")}"));
            Console.WriteLine("All processes share this machine's cores: the bare app runs alone, the cluster runs two web servers, PostgreSQL, Redis, haproxy and wrk on them.");
            return cached >= CachedTarget && rendered >= RenderedTarget && clean ? 0 : 1;
        }
        finally
        {
            foreach (var process in helpers)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                await process.WaitForExitAsync();
                process.Dispose();
            }
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Waits until the balancer answers and its servers have passed their first health checks.</summary>
    private static async Task WaitUntilServingAsync(string url, string path = "/health/ready")
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var deadline = DateTime.UtcNow.AddMinutes(1); ; await Task.Delay(200))
        {
            try
            {
                if ((await http.GetAsync(url + path)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline) { }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"haproxy at {url} did not answer within a minute.");
        }
    }

    /// <summary>
    /// The first page, the list of every agency, 主题分类 and year its filter form offers, each agency
    /// in its three latest years, and the first page's later pages.
    /// </summary>
    private static async Task<IReadOnlyList<string>> CataloguePathsAsync(string url)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var html = await http.GetStringAsync("/catalog");
        Dictionary<string, List<string>> options = FilterSelect().Matches(html).ToDictionary(m => m.Groups[1].Value,
            m => FilterOption().Matches(m.Groups[2].Value).Select(o => Uri.EscapeDataString(WebUtility.HtmlDecode(o.Groups[1].Value))).ToList());
        List<string> paths = ["/catalog"];
        foreach (var facet in new[] { "agency", "topic", "year" })
            paths.AddRange(options.GetValueOrDefault(facet, []).Select(v => $"/catalog?{facet}={v}"));
        var years = options.GetValueOrDefault("year", []).Take(3).ToList();
        paths.AddRange(options.GetValueOrDefault("agency", []).SelectMany(a => years.Select(y => $"/catalog?agency={a}&year={y}")));
        paths.AddRange(CatalogueLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        return [.. paths.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>haproxy, round robin over <paramref name="servers"/>, each checked at /health/ready (with <paramref name="check"/>).</summary>
    private static (Process Process, string Url) Balancer(string folder, string name, bool check, params string[] servers)
    {
        var port = FreePort();
        var config = Path.Combine(folder, $"haproxy-{name}.cfg");
        File.WriteAllText(config, $"""
            global
                maxconn 1024
            defaults
                mode http
                timeout connect 2s
                timeout client 30s
                timeout server 30s
            frontend portal
                bind 127.0.0.1:{port}
                default_backend web
            backend web
                balance roundrobin
                option httpchk GET /health/ready
                http-reuse always
            {string.Join("\n", servers.Select((s, i) => $"    server s{i} {new Uri(s).Authority}{(check ? " check inter 2s" : "")}"))}

            """);
        return (Start("haproxy", "-f", config, "-db"), $"http://127.0.0.1:{port}");
    }

    private static Process Start(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  {program}: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static bool Installed(string program) =>
        Environment.GetEnvironmentVariable("PATH")!.Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string admin, string database, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("href=\"(/catalog\\?[^\"#]+)")]
    private static partial Regex CatalogueLink();

    [GeneratedRegex("<select id=\"(\\w+)\" name=\"\\w+\">(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex FilterSelect();

    [GeneratedRegex("<option value=\"([^\"]+)\"")]
    private static partial Regex FilterOption();
}
