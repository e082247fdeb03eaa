using System.Globalization;

namespace Gongkai.Cli.Report;

/// <summary>How many files came out clean, with findings, or unreadable; and the exit code that follows.</summary>
internal sealed record Tally(int Total, int Clean, int WithFindings, int Unreadable)
{
    public static Tally Of(IReadOnlyCollection<CheckedFile> files) => new(
        files.Count,
        files.Count(f => f.Status == FileStatus.Clean),
        files.Count(f => f.Status == FileStatus.Findings),
        files.Count(f => f.Status == FileStatus.Unreadable));

    /// <summary>An unreadable file outweighs findings: the batch could not be checked completely.</summary>
    public int ExitCode => Unreadable > 0 ? ExitCodes.Error : WithFindings > 0 ? ExitCodes.Findings : ExitCodes.Ok;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"共 {Total} 个文件，无问题 {Clean} 个，有问题 {WithFindings} 个，无法读取 {Unreadable} 个");
}
