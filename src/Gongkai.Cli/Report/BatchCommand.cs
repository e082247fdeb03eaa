using System.Diagnostics;
using System.Globalization;

namespace Gongkai.Cli.Report;

/// <summary><c>gongkai report batch DIR</c>: checks every report file of a directory into one summary table.</summary>
internal static class BatchCommand
{
    /// <summary>What a report file is called; anything else in the directory is not ours to judge.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".txt", ".htm", ".html", ".docx", ".pdf", ".json", ".csv"];

    public static int Run(CliConsole console, string directory, string output, bool recursive, int jobs)
    {
        if (!Directory.Exists(directory))
            return console.Fail($"目录不存在：{directory}");
        var inputs = FindReports(directory, recursive);
        if (inputs.Count == 0)
            return console.Fail($"目录 {directory} 中没有年度报告文件（扩展名 {string.Join(" ", Extensions)}）。");

        var clock = Stopwatch.StartNew();
        var files = BatchProgress.Run(console, inputs.Count, fileDone => FileChecker.CheckAll(inputs, jobs, fileDone));
        try
        {
            AtomicFile.Write(output, BatchCsv.Write(files));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return console.Fail($"无法写入汇总表 {output}：{e.Message}");
        }
        var tally = Tally.Of(files);
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"批量核对完成：{tally.Describe()}；用时 {clock.Elapsed.TotalSeconds:0.0} 秒。"));
        console.Out.WriteLine($"汇总表：{output}");
        return tally.ExitCode;
    }

    /// <summary>
    /// Report files by extension, hidden ones and earlier summary tables skipped, sorted by path
    /// so that rows come in the same order on every run.
    /// </summary>
    private static List<ReportInput> FindReports(string directory, bool recursive)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = recursive,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        };
        return Directory.EnumerateFiles(directory, "*", options)
            .Where(p => Extensions.Contains(Path.GetExtension(p), StringComparer.OrdinalIgnoreCase))
            .Where(p => !Path.GetFileName(p).StartsWith('.'))
            .Where(p => !BatchCsv.IsSummary(p))
            .Select(Path.GetFullPath)
            .Select(p => new ReportInput(p, Path.GetRelativePath(directory, p)))
            .OrderBy(i => i.Name, StringComparer.Ordinal)
            .ToList();
    }
}
