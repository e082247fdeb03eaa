using System.Diagnostics;
using System.Globalization;

namespace Gongkai.Benchmarks;

/// <summary>
/// The supervision audit of 1,000 report files as a supervisor runs it: <c>gongkai report audit
/// DIR -o audit.xlsx</c>, each run a fresh process on every core — start-up, listing the folder,
/// reading and checking every file, the checks across years, repetition, ranking and the workbook.
/// Target (issue 6): at least 200 files per second.
/// </summary>
internal static class AuditThroughput
{
    private const double Target = 200;

    public static void Run(int runs)
    {
        var root = Directory.CreateTempSubdirectory("gongkai-audit-bench-").FullName;
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, "reports")).FullName;
            AuditCorpus.Write(folder, Path.Combine(Root.Find(), "tests", "data", "seeds"));
            var files = Directory.GetFiles(folder).Length;
            var output = Path.Combine(root, "audit.xlsx");

            var times = Enumerable.Range(0, runs).Select(_ => Once(folder, output)).Order().ToList();
            var median = times[times.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"audit-throughput: {files} files (text, HTML, DOCX, JSON, CSV), {runs} runs of gongkai report audit on {Environment.ProcessorCount} cores, workbook {new FileInfo(output).Length / 1024} KB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  runs: {string.Join(", ", times.Select(t => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)))} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  median: {median.TotalSeconds:0.00} s = {files / median.TotalSeconds:0} files/s (best {files / times[0].TotalSeconds:0} files/s)"));
            Console.WriteLine(files / median.TotalSeconds >= Target ? $"target ≥ {Target} files/s: met" : $"target ≥ {Target} files/s: NOT met");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>One run of the command built beside this benchmark, in a process of its own.</summary>
    private static TimeSpan Once(string folder, string output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "gongkai.dll"), "report", "audit", folder, "-o", output })
            start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        clock.Stop();
        // The corpus has findings, so 1; 2 would mean files it could not read.
        if (process.ExitCode != 1)
            throw new InvalidOperationException($"gongkai report audit exited with {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        return clock.Elapsed;
    }
}
