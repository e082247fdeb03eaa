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
}
