namespace Gongkai.Cli;

/// <summary>
/// The exit codes of every command, which supervisors' scripts rely on. Like grep: 0 and 1 are
/// answers, 2 means the question could not be answered.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Done; every report checked is clean.</summary>
    public const int Ok = 0;

    /// <summary>At least one report has error or warning findings.</summary>
    public const int Findings = 1;

    /// <summary>An input could not be read, the command line was wrong, or the output could not be written.</summary>
    public const int Error = 2;
}
