using System.Globalization;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Reports;

namespace Gongkai.Core.Supervision.Intake;

/// <summary>
/// The report files of a folder on the server: files with a report's extension (and ZIPs), hidden
/// files, links and earlier outputs left out, in path order so every run lists them alike. Links
/// are not followed, so a folder cannot lead outside itself.
/// </summary>
public static class FolderIntake
{
    public static readonly IReadOnlyList<string> Extensions = [".txt", ".htm", ".html", ".docx", ".pdf", ".json", ".csv", ".zip"];

    /// <summary>The files to read, relative names as they will be shown; <paramref name="skip"/> leaves out files that are no input (an earlier summary).</summary>
    public static List<(string FullPath, string Name)> List(string folder, bool recursive, Func<string, bool>? skip = null)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = recursive,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
        };
        return Directory.EnumerateFiles(folder, "*", options)
            .Where(p => Extensions.Contains(Path.GetExtension(p), StringComparer.OrdinalIgnoreCase))
            .Where(p => !Path.GetFileName(p).StartsWith('.'))
            .Where(p => skip is null || !skip(p))
            .Select(p => (Path.GetFullPath(p), Path.GetRelativePath(folder, p).Replace('\\', '/')))
            .OrderBy(p => p.Item2, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads the listed files; one that is too large or cannot be opened is a rejection, not a stop.</summary>
    public static (List<IntakeFile> Files, List<RejectedInput> Rejections) Load(IEnumerable<(string FullPath, string Name)> listed)
    {
        var files = new List<IntakeFile>();
        var rejections = new List<RejectedInput>();
        foreach (var (path, name) in listed)
        {
            try
            {
                var limit = Path.GetExtension(path).Equals(".zip", StringComparison.OrdinalIgnoreCase) ? ZipIntake.MaxTotalBytes : ReportFile.MaxBytes;
                var length = new FileInfo(path).Length;
                if (length > limit)
                    rejections.Add(new(name, string.Create(CultureInfo.InvariantCulture, $"文件过大（{length / 1048576.0:0.0} MB），超过 {limit / 1048576} MB 的上限")));
                else
                    files.Add(new IntakeFile(name, File.ReadAllBytes(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                rejections.Add(new(name, $"无法读取文件（{e.Message}）"));
            }
        }
        return (files, rejections);
    }
}
