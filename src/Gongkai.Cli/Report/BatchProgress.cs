using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Gongkai.Cli.Report;

/// <summary>
/// Progress of a batch on stderr: a live bar on a terminal; in a log or a pipe, a plain line
/// every few seconds and at the end, since redrawn bars turn into garbage there.
/// </summary>
internal static class BatchProgress
{
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="work"/>, handing it the callback to call once per finished file.</summary>
    public static T Run<T>(CliConsole console, int total, Func<Action, T> work) =>
        console.ErrorIsTerminal ? WithBar(console.Error, total, work) : WithLines(console.Error, total, work);

    private static T WithBar<T>(TextWriter error, int total, Func<Action, T> work)
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        return terminal.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("核对年度报告", maxValue: total);
                return work(() => task.Increment(1));
            });
    }

    private static T WithLines<T>(TextWriter error, int total, Func<Action, T> work)
    {
        var gate = new Lock();
        var done = 0;
        var sinceLine = Stopwatch.StartNew();
        return work(() =>
        {
            lock (gate)
            {
                done++;
                if (done < total && sinceLine.Elapsed < LineInterval)
                    return;
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"已处理 {done}/{total}"));
                sinceLine.Restart();
            }
        });
    }
}
