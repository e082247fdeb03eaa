using Gongkai.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Tests;

public class CalendarCommandTests
{
    [Theory]
    [InlineData("2026-02-10", "20", "2026-03-16")]
    [InlineData("2025-12-31", "1", "2026-01-04")]
    [InlineData("2024-09-30", "7", "2024-10-15")]
    public void Due_PrintsTheDateAsItsLastLine(string date, string days, string due)
    {
        var result = CliRun.Run("calendar", "due", date, days);

        result.ExitCode.ShouldBe(0);
        result.Out.TrimEnd().Split('\n')[^1].ShouldBe(due);
    }

    [Fact]
    public void Due_ExplainsTheHolidaysSkipped()
    {
        var result = CliRun.Run("calendar", "due", "2026-02-10", "20");

        result.Out.ShouldContain("跳过节假日：2026-02-15（星期日）至2026-02-23（星期一）");
        result.Out.ShouldContain("计入调休上班日：2026-02-14（星期六）、2026-02-28（星期六）");
    }

    [Theory]
    [InlineData("2026/02/10", "20", "格式不正确")]
    [InlineData("2026-02-10", "-3", "0 到 1000")]
    public void Due_BadInput_ExitsTwoWithAChineseMessage(string date, string days, string message)
    {
        var result = CliRun.Run("calendar", "due", date, days);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(message);
    }

    [Fact]
    public void Due_WithoutDatabase_SaysItUsesTheShippedCalendar() =>
        CliRun.Run("calendar", "due", "2026-02-10", "20").Out.ShouldStartWith("日历：随程序发布的全国节假日安排");

    [Fact]
    public async Task Due_WithADatabase_UsesTheStoredCalendarAndItsEdits()
    {
        using var temp = new TempDir();
        var dataDir = temp.File("data");
        CliRun.Run("db", "migrate", "--data-dir", dataDir).ExitCode.ShouldBe(0);
        await using (var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection()
            .AddGongkaiCore(Core.Storage.StorageSettings.ForSqlite(dataDir)).AddGongkaiIdentityCore().BuildServiceProvider())
        {
            await using var scope = services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<Core.Calendar.CalendarStore>();
            await store.ImportShippedYearsAsync(Core.Audit.AuditActor.System);
            var national = (await store.LayersAsync()).Single(l => l.IsNational);
            await store.SetDayAsync(national.Id, new DateOnly(2026, 3, 2), Domain.Calendar.DayKind.RestDay, "演练", Core.Audit.AuditActor.System);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var stored = CliRun.Run("calendar", "due", "2026-02-10", "20", "--data-dir", dataDir);
        var unknownAgency = CliRun.Run("calendar", "due", "2026-02-10", "20", "--data-dir", dataDir, "--agency", "999");

        stored.ExitCode.ShouldBe(0, stored.Error);
        stored.Out.ShouldStartWith("日历：数据库中的全国日历");
        stored.Out.TrimEnd().Split('\n')[^1].ShouldBe("2026-03-17");
        unknownAgency.ExitCode.ShouldBe(2);
        unknownAgency.Error.ShouldContain("机关 999 不存在");
    }
}
