using System.Diagnostics;
using System.Globalization;
using Gongkai.Reports;

namespace Gongkai.Benchmarks;

/// <summary>
/// Parse + check throughput of text reports on one core: the five seeds read from memory in a
/// loop on a single thread, every report fully read (sniffing, decoding, parsing) and checked.
/// Target (issue 2): at least 2,000 reports per second. The figure that counts is per CPU-second
/// of the working thread (garbage collection runs on it: concurrent GC is off), which other load
/// on the machine does not change; wall-clock throughput is printed beside it.
/// </summary>
internal static class ReportThroughput
{
    public static void Run(TimeSpan duration)
    {
        var root = Root.Find();
        var seeds = Directory.GetFiles(Path.Combine(root, "tests", "data", "seeds"), "*.txt").Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes).ToArray();
        var bytes = seeds.Sum(s => (long)s.Length);

        // Warm up: JIT, tiered compilation, the character table.
        RunFor(seeds, TimeSpan.FromSeconds(Math.Min(2, duration.TotalSeconds / 2)));
        var (reports, elapsed, cpu, findings) = RunFor(seeds, duration);

        var perSecond = reports / elapsed.TotalSeconds;
        var perCpuSecond = reports / cpu.TotalSeconds;
        var mb = reports / (double)seeds.Length * bytes / cpu.TotalSeconds / 1048576;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"report-throughput: {reports} reports, one thread: {perCpuSecond:0} reports per CPU-second ({cpu.TotalMilliseconds * 1000 / reports:0} µs CPU each, {mb:0.0} MB/s); wall clock {perSecond:0} reports/s over {elapsed.TotalSeconds:0.00} s; {findings} findings"));
        Console.WriteLine(perCpuSecond >= 2000 ? "target ≥ 2000 reports/s on one core: met" : "target ≥ 2000 reports/s on one core: NOT met");
    }

    private static (long Reports, TimeSpan Elapsed, TimeSpan Cpu, long Findings) RunFor(byte[][] seeds, TimeSpan duration)
    {
        long reports = 0, findings = 0;
        var cpu = ThreadCpu.Now();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            foreach (var seed in seeds)
            {
                findings += ReportFile.Read(seed).Findings.Count;
                reports++;
            }
        }
        return (reports, watch.Elapsed, ThreadCpu.Now() - cpu, findings);
    }
}
