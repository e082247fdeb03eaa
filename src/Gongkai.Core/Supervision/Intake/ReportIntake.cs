using Gongkai.Core.Supervision.Auditing;
using Gongkai.Reports;

namespace Gongkai.Core.Supervision.Intake;

/// <summary>What came of a set of files: the reports read, and every file that is not one, with its reason.</summary>
public sealed record IntakeResult(IReadOnlyList<IntakeReport> Reports, IReadOnlyList<RejectedInput> Rejections)
{
    public int FileCount => Reports.Count + Rejections.Count;
}

/// <summary>
/// Turns uploaded or listed files into reports, for the workspace and the command line alike:
/// ZIPs are expanded safely, then every file is read and checked in parallel. One bad file is one
/// rejection with the engine's Chinese reason, never a stopped run; results keep the input order.
/// </summary>
public static class ReportIntake
{
    /// <summary>The files to read once archives are expanded, with the archives' own rejections.</summary>
    public static (List<IntakeFile> Files, List<RejectedInput> Rejections) Expand(IEnumerable<IntakeFile> files)
    {
        var expanded = new List<IntakeFile>();
        var rejections = new List<RejectedInput>();
        foreach (var file in files)
        {
            if (!ZipIntake.IsArchive(file.Content))
            {
                expanded.Add(file);
                continue;
            }
            var (inner, refused) = ZipIntake.Expand(file);
            expanded.AddRange(inner);
            rejections.AddRange(refused);
        }
        return (expanded, rejections);
    }

    /// <summary>Reads expanded files, at most <paramref name="jobs"/> at a time, calling <paramref name="fileDone"/> after each.</summary>
    public static IntakeResult Read(IReadOnlyList<IntakeFile> files, IReadOnlyList<RejectedInput> earlier, int jobs, Action? fileDone = null)
    {
        var results = new (IntakeReport? Report, RejectedInput? Rejection)[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, i =>
        {
            results[i] = ReadOne(files[i]);
            fileDone?.Invoke();
        });
        return new IntakeResult(
            [.. results.Where(r => r.Report is not null).Select(r => r.Report!)],
            [.. earlier, .. results.Where(r => r.Rejection is not null).Select(r => r.Rejection!)]);
    }

    /// <summary>Expands and reads in one go, for callers without a progress display.</summary>
    public static IntakeResult ReadAll(IEnumerable<IntakeFile> files, int jobs)
    {
        var (expanded, rejections) = Expand(files);
        return Read(expanded, rejections, jobs);
    }

    private static (IntakeReport?, RejectedInput?) ReadOne(IntakeFile file)
    {
        try
        {
            return (new IntakeReport(file.Name, file.Content, ReportFile.Read(file.Content)), null);
        }
        catch (ReportReadException e)
        {
            return (null, new RejectedInput(file.Name, e.Message));
        }
        catch (Exception e)
        {
            // The readers promise ReportReadException; a slip on one odd file must still leave the rest read.
            return (null, new RejectedInput(file.Name, $"读取时发生意外错误（{e.GetType().Name}：{e.Message}）"));
        }
    }
}
