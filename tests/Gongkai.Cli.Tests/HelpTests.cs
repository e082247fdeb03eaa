namespace Gongkai.Cli.Tests;

public class HelpTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("report", "--help")]
    [InlineData("report", "check", "--help")]
    [InlineData("report", "parse", "--help")]
    [InlineData("report", "render", "--help")]
    [InlineData("report", "batch", "--help")]
    [InlineData("calendar", "due", "--help")]
    [InlineData("requests", "recompute", "--help")]
    public void Help_EveryCommand_IsChinese(params string[] args)
    {
        var result = CliRun.Run(args);

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldStartWith("说明：");
        result.Out.ShouldContain("用法");
        result.Out.ShouldContain("显示帮助和用法信息");
        foreach (var english in new[] { "Description", "Show help", "REQUIRED", "default:" })
            result.Out.ShouldNotContain(english);
    }

    [Fact]
    public void Help_Root_ListsTheCommandGroups()
    {
        var lines = CliRun.Run("--help").Out.Split('\n');

        lines.ShouldContain(l => l.TrimStart().StartsWith("report ", StringComparison.Ordinal) && l.Contains("政府信息公开工作年度报告"));
        lines.ShouldContain(l => l.TrimStart().StartsWith("calendar ", StringComparison.Ordinal) && l.Contains("工作日日历"));
        lines.ShouldContain(l => l.TrimStart().StartsWith("requests ", StringComparison.Ordinal) && l.Contains("依申请公开"));
    }

    [Fact]
    public void Run_UnknownCommand_ExitsTwoWithChineseError()
    {
        var result = CliRun.Run("report", "chek");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("未识别命令或参数“chek”。");
    }

    [Fact]
    public void Run_MissingRequiredOption_ExitsTwoWithChineseError()
    {
        var result = CliRun.Run("report", "batch", ".");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("缺少必填选项 --output。");
    }
}
