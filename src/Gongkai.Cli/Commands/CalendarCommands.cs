using System.CommandLine;
using System.Globalization;
using Gongkai.Cli.Platform;
using Gongkai.Core.Calendar;
using Gongkai.Core.Storage;
using Gongkai.Domain.Calendar;
using Microsoft.Extensions.DependencyInjection;

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
        var dataDirectory = DbCommands.DataDirectory();
        var agency = new Option<int?>("--agency") { Description = "按该机关的日历计算（全国安排加上其上级机关的本地安排）；需要数据库。", HelpName = "ID" };
        var command = new Command("due", "计算某日之后第 N 个工作日，并说明计算过程；最后一行为结果日期（yyyy-MM-dd）。配置了数据库时使用数据库中的日历（含管理员的修改），否则使用随程序发布的全国安排。")
        {
            date, days, dataDirectory, agency,
        };
        command.SetAction((r, _) => RunAsync(console, r.GetRequiredValue(date), r.GetRequiredValue(days), r.GetValue(dataDirectory), r.GetValue(agency)));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string dateText, int days, string? dataDirectory, int? agencyId)
    {
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            return console.Fail($"日期“{dateText}”格式不正确，应为 yyyy-MM-dd，例如 2026-02-10");
        if (days is < 0 or > 1000)
            return console.Fail("工作日数应在 0 到 1000 之间");
        if (!DatabaseConfigured(dataDirectory))
        {
            if (agencyId is not null)
                return console.Fail("--agency 需要数据库：请用 --data-dir 或环境变量指明数据目录");
            return Print(console, NationalCalendar.Default, start, days, "日历：随程序发布的全国节假日安排（未配置数据库）");
        }
        return await PlatformServices.RunAsync(console, dataDirectory, async services =>
        {
            var store = services.GetRequiredService<CalendarStore>();
            if (agencyId is not { } id)
                return Print(console, await store.NationalAsync(), start, days, "日历：数据库中的全国日历");
            var name = services.GetRequiredService<GongkaiDbContext>().Agencies.Where(a => a.Id == id).Select(a => a.Name).SingleOrDefault();
            if (name is null)
                return console.Fail($"机关 {id} 不存在");
            return Print(console, await store.ForAgencyAsync(id), start, days, $"日历：{name}适用的日历（全国安排及上级机关的本地安排）");
        });
    }

    /// <summary>A database is configured when a data folder or provider is named, or the default folder holds one.</summary>
    private static bool DatabaseConfigured(string? dataDirectory) =>
        !string.IsNullOrWhiteSpace(dataDirectory)
        || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(StorageSettings.DataDirectoryVariable))
        || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("Gongkai__Database"))
        || File.Exists(Path.Combine("data", "gongkai.db"));

    private static int Print(CliConsole console, WorkingCalendar calendar, DateOnly start, int days, string source)
    {
        console.Out.WriteLine(source);
        var trace = calendar.Trace(start, days);
        foreach (var line in trace.Describe())
            console.Out.WriteLine(line);
        console.Out.WriteLine(trace.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return ExitCodes.Ok;
    }
}
