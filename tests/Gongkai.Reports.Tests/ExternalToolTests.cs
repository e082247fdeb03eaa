namespace Gongkai.Reports.Tests;

/// <summary>External programs are bounded: killed past their time, their output or a cancellation, reported when missing.</summary>
public class ExternalToolTests
{
    [Fact]
    public async Task RunAsync_PastTimeout_KilledAsTimeout()
    {
        var started = DateTime.UtcNow;

        var e = await Should.ThrowAsync<ToolException>(() => ExternalTool.RunAsync("sleep", ["30"], TimeSpan.FromMilliseconds(300), 1024, CancellationToken.None));

        e.Failure.ShouldBe(ToolFailure.Timeout);
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RunAsync_Cancelled_KilledAndCancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = DateTime.UtcNow;

        await Should.ThrowAsync<OperationCanceledException>(() => ExternalTool.RunAsync("sleep", ["30"], TimeSpan.FromMinutes(5), 1024, cancel.Token));

        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RunAsync_EndlessOutput_KilledAsTooMuchOutput()
    {
        var e = await Should.ThrowAsync<ToolException>(() => ExternalTool.RunAsync("yes", [], TimeSpan.FromSeconds(30), 100_000, CancellationToken.None));

        e.Failure.ShouldBe(ToolFailure.TooMuchOutput);
    }

    [Fact]
    public async Task RunAsync_MissingExecutable_ReportsMissing()
    {
        var e = await Should.ThrowAsync<ToolException>(() => ExternalTool.RunAsync("/nonexistent/tool", [], TimeSpan.FromSeconds(5), 1024, CancellationToken.None));

        e.Failure.ShouldBe(ToolFailure.Missing);
    }

    [Fact]
    public async Task RunAsync_Output_ReturnedWithExitCode()
    {
        var result = await ExternalTool.RunAsync("printf", ["读取"], TimeSpan.FromSeconds(5), 1024, CancellationToken.None);

        result.ExitCode.ShouldBe(0);
        System.Text.Encoding.UTF8.GetString(result.Output).ShouldBe("读取");
    }

    [Fact]
    public async Task RunAsync_Environment_SeenByTheProgramNotOnItsCommandLine()
    {
        var result = await ExternalTool.RunAsync("sh", ["-c", "printf %s \"$PGPASSWORD\""], TimeSpan.FromSeconds(5), 1024, CancellationToken.None,
            new Dictionary<string, string> { ["PGPASSWORD"] = "秘密" });

        System.Text.Encoding.UTF8.GetString(result.Output).ShouldBe("秘密");
    }

    [Fact]
    public void Run_ForTheSynchronousReaders_SameResult()
    {
        var result = ExternalTool.Run("printf", ["读取"], TimeSpan.FromSeconds(5), 1024);

        System.Text.Encoding.UTF8.GetString(result.Output).ShouldBe("读取");
    }
}
