namespace Gongkai.Reports.Tests;

/// <summary>External programs are bounded: killed past their time or their output, reported when missing.</summary>
public class ExternalToolTests
{
    [Fact]
    public void Run_PastTimeout_KilledAsTimeout()
    {
        var started = DateTime.UtcNow;

        var e = Should.Throw<ToolException>(() => ExternalTool.Run("sleep", ["30"], TimeSpan.FromMilliseconds(300), 1024));

        e.Failure.ShouldBe(ToolFailure.Timeout);
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Run_EndlessOutput_KilledAsTooMuchOutput()
    {
        var e = Should.Throw<ToolException>(() => ExternalTool.Run("yes", [], TimeSpan.FromSeconds(30), 100_000));

        e.Failure.ShouldBe(ToolFailure.TooMuchOutput);
    }

    [Fact]
    public void Run_MissingExecutable_ReportsMissing()
    {
        var e = Should.Throw<ToolException>(() => ExternalTool.Run("/nonexistent/tool", [], TimeSpan.FromSeconds(5), 1024));

        e.Failure.ShouldBe(ToolFailure.Missing);
    }

    [Fact]
    public void Run_Output_ReturnedWithExitCode()
    {
        var result = ExternalTool.Run("printf", ["读取"], TimeSpan.FromSeconds(5), 1024);

        result.ExitCode.ShouldBe(0);
        System.Text.Encoding.UTF8.GetString(result.Output).ShouldBe("读取");
    }
}
