using System.Diagnostics;
using Gongkai.Reports;

namespace Gongkai.Cli.Report;

/// <summary>A file to check: where to read it, and how to name it in the output.</summary>
internal sealed record ReportInput(string FullPath, string Name);

/// <summary>Reads and checks report files; one bad file is one unreadable result, never a stopped run.</summary>
internal static class FileChecker
{
    /// <summary>
    /// Checks every file, at most <paramref name="jobs"/> at a time, then the rules across files.
    /// Results keep the order of the inputs whatever order the reads finish in.
    /// </summary>
    public static CheckedFile[] CheckAll(IReadOnlyList<ReportInput> inputs, int jobs, Action fileDone)
    {
        var results = new CheckedFile[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = jobs }, i =>
        {
            results[i] = Check(inputs[i]);
            fileDone();
        });
        CrossFileChecks.CrossYear(results);
        return results;
    }

    public static CheckedFile Check(ReportInput input)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return CheckedFile.Readable(input.Name, ReportFile.Read(input.FullPath), clock.Elapsed);
        }
        catch (ReportReadException e)
        {
            return CheckedFile.Unreadable(input.Name, e.Message, clock.Elapsed);
        }
        catch (Exception e)
        {
            // The readers promise ReportReadException; a slip in them on one odd file must still
            // leave the other hundreds of files checked.
            return CheckedFile.Unreadable(input.Name, $"读取时发生意外错误（{e.GetType().Name}：{e.Message}）", clock.Elapsed);
        }
    }
}
