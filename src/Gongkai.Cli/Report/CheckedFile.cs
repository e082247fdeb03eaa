using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Reports;

namespace Gongkai.Cli.Report;

internal enum FileStatus
{
    Clean,
    Findings,
    Unreadable,
}

/// <summary>A finding, the check that raised it and, for checks across files, the other files.</summary>
internal sealed record FileFinding(Finding Finding, FindingScope Scope, IReadOnlyList<string> Against);

/// <summary>The outcome of checking one file: its report and findings, or why it could not be read.</summary>
internal sealed class CheckedFile
{
    private readonly List<FileFinding> _findings = [];

    private CheckedFile(string path, ReadReport? read, string? error, TimeSpan elapsed)
    {
        Path = path;
        Read = read;
        Error = error;
        Elapsed = elapsed;
        if (read is not null)
            Add(read.Findings, FindingScope.Report, []);
    }

    /// <summary>The path as the user gave it (or relative to the batch directory).</summary>
    public string Path { get; }

    public ReadReport? Read { get; }

    public AnnualReport? Report => Read?.Report;

    /// <summary>Why the file could not be read, in Chinese.</summary>
    public string? Error { get; }

    public TimeSpan Elapsed { get; }

    public IReadOnlyList<FileFinding> Findings => _findings;

    public FileStatus Status => Read is null ? FileStatus.Unreadable
        : ReportChecks.IsClean(_findings.Select(f => f.Finding)) ? FileStatus.Clean
        : FileStatus.Findings;

    public static CheckedFile Readable(string path, ReadReport read, TimeSpan elapsed) => new(path, read, null, elapsed);

    public static CheckedFile Unreadable(string path, string error, TimeSpan elapsed) => new(path, null, error, elapsed);

    public void Add(IEnumerable<Finding> findings, FindingScope scope, IReadOnlyList<string> against) =>
        _findings.AddRange(findings.Select(f => new FileFinding(f, scope, against)));

    public int Count(Severity severity) => _findings.Count(f => f.Finding.Severity == severity);
}
