namespace Gongkai.Cli;

/// <summary>
/// Where commands write. Whether stderr is a terminal decides between a live progress bar and
/// plain lines that read well in a log file.
/// </summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    /// <summary>Says on stderr why the command could not do its work, and gives the exit code for that.</summary>
    public int Fail(string message)
    {
        Error.WriteLine(message);
        return ExitCodes.Error;
    }
}
