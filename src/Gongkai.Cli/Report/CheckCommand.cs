using Gongkai.Domain.Reports;

namespace Gongkai.Cli.Report;

/// <summary><c>gongkai report check FILE…</c>: every file's findings, and the rules across the files.</summary>
internal static class CheckCommand
{
    public static int Run(CliConsole console, IReadOnlyList<string> paths, string? region, bool json)
    {
        var inputs = paths.Select(p => new ReportInput(p, p)).ToList();
        // The summary is checked like any file; it leads the output when it was not listed.
        if (region is not null && !inputs.Any(i => SameFile(i.FullPath, region)))
            inputs.Insert(0, new ReportInput(region, region));
        var files = FileChecker.CheckAll(inputs, Environment.ProcessorCount, () => { });
        if (region is not null)
            CheckRegion(console, files.First(f => SameFile(f.Path, region)), files);
        if (json)
            console.Out.Write(CheckJson.Write(files));
        else
            CheckText.Write(console.Out, files);
        return Tally.Of(files).ExitCode;
    }

    private static void CheckRegion(CliConsole console, CheckedFile summary, IReadOnlyList<CheckedFile> files)
    {
        if (summary.Report is null)
            return;
        if (summary.Report.Year is null)
        {
            console.Error.WriteLine($"汇总报告 {summary.Path} 未识别出年度，无法确定下级单位，未做区域汇总核对。");
            return;
        }
        if (summary.Report.Template == ReportTemplate.Legacy)
        {
            console.Error.WriteLine($"汇总报告 {summary.Path} 是 2019年以前的统计表，没有可逐格汇总的表三、表四，未做区域汇总核对。");
            return;
        }
        if (CrossFileChecks.Region(summary, files).Count == 0)
            console.Error.WriteLine($"没有与汇总报告 {summary.Path} 同一年度的下级单位报告，未做区域汇总核对。");
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
