using System.Globalization;

namespace Gongkai.Benchmarks.Catalogue;

/// <summary>
/// catalogue DIR [seconds]: starts the web app on a data folder made by catalogue-data and
/// measures, in the same run on the same machine, with wrk: a bare ASP.NET Core app (and the web
/// app's own bare endpoint, behind all its middleware); the catalogue list's first page and a few
/// hundred different list pages (every facet, deep keyset pages) as served, which is from the
/// output cache once a page has been rendered in the last minute; and the same pages rendered on
/// every request — these three while one document a second is published through the real steps.
/// Then search latency over a few hundred different searches. Prints the figures
/// and whether the targets are met: search p95 &lt; 100 ms; the catalogue list pages as served at
/// least 40% of the bare app's requests per second, rendered on every request at least 25%.
/// </summary>
internal static class CatalogueLoad
{
    private const double SearchTargetMs = 100;
    private const double CatalogueTarget = 0.4;
    private const double RenderedTarget = 0.25;
    private const int SearchRounds = 3;

    public static async Task<int> RunAsync(string dataDirectory, TimeSpan duration)
    {
        if (!Wrk.IsInstalled())
        {
            Console.Error.WriteLine("需要 wrk：sudo apt-get install -y wrk");
            return 2;
        }
        var workload = await Workload.LoadAsync(dataDirectory);
        await using var bare = await BareServer.StartAsync();
        await using var server = await StartAsync(dataDirectory, workload,
            string.Create(CultureInfo.InvariantCulture, $"wrk -t{Wrk.Threads} -c{Wrk.Connections} -d{duration.TotalSeconds:0}s; one publication a second during the catalogue's runs"));

        // Every page once: each must be a catalogue list. This renders each into the output cache, as readers' first visits would.
        await CheckCatalogueAsync(server.Url, workload.CataloguePaths);

        string[] bareApp = ["/"], bareEndpoint = ["/bench/bare"], firstPage = ["/catalog"];
        var pages = workload.CataloguePaths.Count;
        var warmUp = TimeSpan.FromSeconds(5);
        await Wrk.RunAsync("warm-up", bare.Url, bareApp, warmUp);
        await Wrk.RunAsync("warm-up", server.Url, bareEndpoint, warmUp);
        await Wrk.RunAsync("warm-up", server.Url, workload.CataloguePaths, warmUp);
        var bareBefore = await Wrk.RunAsync("bare ASP.NET Core app: GET / → \"ok\"", bare.Url, bareApp, duration);
        var inApp = await Wrk.RunAsync("web app's /bench/bare → \"ok\" (behind all its middleware)", server.Url, bareEndpoint, duration);
        // The catalogue's runs while one document a second is published, as on a platform in use: each
        // publication evicts the first pages of its lists and is added to the list rows in memory.
        var (first, firstPublished, firstFailed) = await Publisher.WhilePublishingAsync([server.Url], async () =>
            await Wrk.RunAsync("/catalog first page, as served", server.Url, firstPage, duration)
            // How many came from the output cache, in a short run of the same requests (counting costs wrk CPU, so not in the measured run).
            with { CacheHits = await HitShareAsync(server.Url, firstPage, warmUp) });
        var (varied, variedPublished, variedFailed) = await Publisher.WhilePublishingAsync([server.Url], async () =>
            await Wrk.RunAsync($"/catalog {pages} different pages, as served", server.Url, workload.CataloguePaths, duration)
            with { CacheHits = await HitShareAsync(server.Url, workload.CataloguePaths, warmUp) });
        // After the pages as served: these fill the output cache with pages nobody asks for again, evicting others.
        // 10 s, not 5: the first requests that render are the first to run the page's code, which the JIT is still compiling.
        await Wrk.RunAsync("warm-up", server.Url, workload.CataloguePaths, TimeSpan.FromSeconds(10), uncached: true);
        var (rendered, renderedPublished, renderedFailed) = await Publisher.WhilePublishingAsync([server.Url], async () =>
            await Wrk.RunAsync($"/catalog {pages} different pages, each request a new URL", server.Url, workload.CataloguePaths, duration, uncached: true)
            with { CacheHits = await HitShareAsync(server.Url, workload.CataloguePaths, warmUp, uncached: true) });
        var published = new Dictionary<WrkResult, (int Published, int Failed)>
        {
            [first] = (firstPublished, firstFailed), [varied] = (variedPublished, variedFailed), [rendered] = (renderedPublished, renderedFailed),
        };
        var bareAfter = await Wrk.RunAsync("bare ASP.NET Core app, again", bare.Url, bareApp, duration);
        var searches = await SearchLoad.RunAsync(server.Url, workload.Searches, SearchRounds);

        // The stricter yardstick: the better of the two bare-app runs.
        var yardstick = Math.Max(bareBefore.RequestsPerSecond, bareAfter.RequestsPerSecond);
        WrkResult[] runs = [bareBefore, inApp, first, varied, rendered, bareAfter];
        Console.WriteLine();
        Console.WriteLine("| target | requests/s | p50 | p99 | of bare app | from output cache | published during the run |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in runs)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Label} | {r.RequestsPerSecond:N0} | {r.P50} | {r.P99} | {r.RequestsPerSecond / yardstick:P0} | {(r.CacheHits is { } h ? h.ToString("P1", CultureInfo.InvariantCulture) : "—")} | {(published.TryGetValue(r, out var p) ? $"{p.Published}{(p.Failed > 0 ? $" ({p.Failed} failed)" : "")}" : "—")} |{(r.Errors > 0 ? $" {r.Errors} errors of {r.Requests}" : "")}"));
        Console.WriteLine("Public catalogue pages are kept 60 s in the output cache, and each page was rendered once before the runs; the catalogue's runs publish one document a second. The share from the cache is counted");
        Console.WriteLine("(by the responses' Age header) in a further 5 s run of the same requests: counting costs wrk CPU, so it is kept out of the measured runs.");

        var p95 = PrintSearches(workload, searches);
        var ratio = varied.RequestsPerSecond / yardstick;
        var errors = runs.Sum(r => r.Errors) + published.Values.Sum(p => p.Failed);
        var catalogueMet = ratio >= CatalogueTarget && errors == 0;
        Console.WriteLine();
        var searchMet = PrintSearchVerdict(p95);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"catalogue list, {pages} different pages as served while publishing ({varied.CacheHits:P1} from the output cache): {varied.RequestsPerSecond:N0} requests/s = {ratio:P0} of the bare app's {yardstick:N0} (target ≥ {CatalogueTarget:P0}): {(catalogueMet ? "PASS" : "FAIL")}{(errors > 0 ? $" ({errors} errors)" : "")}"));
        var renderedRatio = rendered.RequestsPerSecond / yardstick;
        var renderedMet = renderedRatio >= RenderedTarget && errors == 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"catalogue list, {pages} different pages rendered on every request while publishing (without the output cache): {rendered.RequestsPerSecond:N0} requests/s = {renderedRatio:P0} of the bare app (target ≥ {RenderedTarget:P0}): {(renderedMet ? "PASS" : "FAIL")}"));
        return searchMet && catalogueMet && renderedMet ? 0 : 1;
    }

    /// <summary>catalogue DIR search: the searches alone, as in the full run (no wrk).</summary>
    public static async Task<int> RunSearchesAsync(string dataDirectory)
    {
        var workload = await Workload.LoadAsync(dataDirectory);
        await using var server = await StartAsync(dataDirectory, workload, "searches only");
        var p95 = PrintSearches(workload, await SearchLoad.RunAsync(server.Url, workload.Searches, SearchRounds));
        Console.WriteLine();
        return PrintSearchVerdict(p95) ? 0 : 1;
    }

    /// <summary>The web app on the data folder, on the database catalogue-data wrote for it.</summary>
    private static async Task<BenchServer> StartAsync(string dataDirectory, Workload workload, string load)
    {
        var postgres = Workload.Postgres(dataDirectory);
        var environment = postgres is null ? null : new Dictionary<string, string>
        {
            ["Gongkai__Database"] = "PostgreSQL",
            ["ConnectionStrings__Gongkai"] = postgres,
        };
        var server = await BenchServer.StartAsync(dataDirectory, Root.Find(), environment);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"catalogue on {(postgres is null ? "SQLite" : "PostgreSQL")}: {workload.Documents:N0} published documents; {workload.CataloguePaths.Count} catalogue pages, {workload.Searches.Count} searches; " +
            $"{load}; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        return server;
    }

    /// <summary>The searches' table by kind and the slowest three; returns p95 of all.</summary>
    private static double PrintSearches(Workload workload, List<SearchTime> searches)
    {
        var all = searches.Select(s => s.Milliseconds).Order().ToList();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search: {workload.Searches.Count} different searches × {SearchRounds} in a shuffled order = {all.Count} requests, {SearchLoad.Concurrency} at a time, each checked"));
        Console.WriteLine("| searches | n | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var group in searches.GroupBy(s => s.Case.Group))
            Console.WriteLine(Row(group.Key, [.. group.Select(s => s.Milliseconds).Order()]));
        Console.WriteLine(Row("**all**", all));
        var slowest = searches.OrderByDescending(s => s.Milliseconds).Take(3).Select(s => $"{s.Case.Query} {SearchLoad.Ms(s.Milliseconds)} ms");
        Console.WriteLine("slowest: " + string.Join("; ", slowest));
        return SearchLoad.Percentile(all, 95);
    }

    private static bool PrintSearchVerdict(double p95)
    {
        var met = p95 < SearchTargetMs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search p95 {SearchLoad.Ms(p95)} ms (target < {SearchTargetMs:0} ms): {(met ? "PASS" : "FAIL")}"));
        return met;
    }

    private static async Task<double> HitShareAsync(string url, IReadOnlyList<string> paths, TimeSpan duration, bool uncached = false)
    {
        var run = await Wrk.RunAsync("cache hits", url, paths, duration, uncached, countHits: true);
        return (double)run.CacheHits!.Value / run.Requests;
    }

    private static string Row(string label, IReadOnlyList<double> sorted) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {sorted.Count} | {SearchLoad.Ms(SearchLoad.Percentile(sorted, 50))} | {SearchLoad.Ms(SearchLoad.Percentile(sorted, 95))} | {SearchLoad.Ms(SearchLoad.Percentile(sorted, 99))} | {SearchLoad.Ms(sorted[^1])} |");

    private static async Task CheckCatalogueAsync(string url, IReadOnlyList<string> paths)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        foreach (var path in paths)
        {
            var html = await http.GetStringAsync(path);
            if (!html.Contains("已公开的政府信息", StringComparison.Ordinal))
                throw new InvalidOperationException($"{path} 不是主动公开目录页。");
        }
    }
}
