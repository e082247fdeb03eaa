using System.Diagnostics;
using System.Globalization;
using Gongkai.Cli;

namespace Gongkai.Benchmarks;

/// <summary>
/// The supervision audit of 1,000 report files, end to end as a supervisor runs it:
/// <c>gongkai report audit DIR -o audit.xlsx</c> in this process, on every core — listing the
/// folder, reading and checking every file, the checks across years, repetition, ranking and the
/// workbook. The first run is cold (JIT included), as a command-line run is; then the best of a
/// few warm runs. Target (issue 6): at least 200 files per second.
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
            AuditCorpus.Write(folder, Path.Combine(FindRoot(), "tests", "data", "seeds"));
            var files = Directory.GetFiles(folder).Length;
            var output = Path.Combine(root, "audit.xlsx");

            var cold = Once(folder, output);
            var warm = Enumerable.Range(0, runs).Select(_ => Once(folder, output)).Min();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"audit-throughput: {files} files (text, HTML, DOCX, JSON, CSV) on {Environment.ProcessorCount} cores, workbook {new FileInfo(output).Length / 1024} KB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  first run (cold): {cold.TotalSeconds:0.00} s = {files / cold.TotalSeconds:0} files/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  best of {runs} warm runs: {warm.TotalSeconds:0.00} s = {files / warm.TotalSeconds:0} files/s"));
            Console.WriteLine(files / cold.TotalSeconds >= Target ? $"target ≥ {Target} files/s: met" : $"target ≥ {Target} files/s: NOT met");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static TimeSpan Once(string folder, string output)
    {
        var clock = Stopwatch.StartNew();
        var code = Cli.Cli.Run(["report", "audit", folder, "-o", output], TextWriter.Null, TextWriter.Null);
        clock.Stop();
        // The corpus has findings, so 1; 2 would mean files it could not read.
        if (code != 1)
            throw new InvalidOperationException($"gongkai report audit exited with {code}");
        return clock.Elapsed;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Gongkai.slnx not found");
    }
}
