using System.CommandLine;
using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.Cli.Commands;

/// <summary>The <c>calendar</c> group: the official working-day calendar used for statutory deadlines.</summary>
internal static class CalendarCommands
{
    public static Command Create(CliConsole console) =>
        new("calendar", "工作日日历（含国务院公布的节假日和调休安排），用于计算法定办理期限。")
        {
            Due(console),
        };

    private static Command Due(CliConsole console)
    {
        var date = new Argument<string>("DATE") { Description = "起算日期，格式 yyyy-MM-dd；起算当日不计入。" };
        var days = new Argument<int>("N") { Description = "工作日数，例如答复期限 20、补正告知期限 7。" };
        var command = new Command("due", "计算某日之后第 N 个工作日，并说明计算过程；最后一行为结果日期（yyyy-MM-dd）。")
        {
            date, days,
        };
        command.SetAction(r => Run(console, r.GetRequiredValue(date), r.GetRequiredValue(days)));
        return command;
    }

    private static int Run(CliConsole console, string dateText, int days)
    {
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            return console.Fail($"日期“{dateText}”格式不正确，应为 yyyy-MM-dd，例如 2026-02-10");
        if (days is < 0 or > 1000)
            return console.Fail("工作日数应在 0 到 1000 之间");
        var trace = NationalCalendar.Default.Trace(start, days);
        foreach (var line in trace.Describe())
            console.Out.WriteLine(line);
        console.Out.WriteLine(trace.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return ExitCodes.Ok;
    }
}
