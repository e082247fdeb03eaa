using System.Diagnostics;
using System.Globalization;

namespace Gongkai.Benchmarks.Catalogue;

internal sealed record SearchTime(SearchCase Case, double Milliseconds);

/// <summary>
/// Search latency end to end (HTTP request to the last byte of the results page, which is never
/// cached), over a few hundred different searches — two-character words, longer words, several
/// words, filters, later pages, Traditional characters, exact 索引号 and 文号, words found nowhere —
/// with a few readers searching at once. Each search is checked once (and so warmed up), then all
/// are run in a shuffled order several times, so consecutive requests rarely ask the same.
/// </summary>
internal static class SearchLoad
{
    public const int Concurrency = 4;

    public static async Task<List<SearchTime>> RunAsync(string url, IReadOnlyList<SearchCase> cases, int rounds)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (c, _) => await TimeAsync(http, c));
        var work = Enumerable.Range(0, rounds).SelectMany(_ => cases).ToArray();
        new Random(5).Shuffle(work);
        var times = new List<SearchTime>();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (c, _) =>
        {
            var ms = await TimeAsync(http, c);
            lock (times) times.Add(new SearchTime(c, ms));
        });
        return times;
    }

    private static async Task<double> TimeAsync(HttpClient http, SearchCase c)
    {
        var watch = Stopwatch.StartNew();
        var html = await http.GetStringAsync(c.Path);
        var ms = watch.Elapsed.TotalMilliseconds;
        if (!html.Contains(c.Expect, StringComparison.Ordinal))
            throw new InvalidOperationException($"搜索“{c.Query}”的结果页中没有“{c.Expect}”：{c.Path}");
        return ms;
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];

    public static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
