using System.Text.Json;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Reports;
using Gongkai.Reports.Tests;

namespace Gongkai.Cli.Tests;

public class CheckCommandTests
{
    [Fact]
    public void Check_Seed000_ExitsOneWithBalanceFindingsInChinese()
    {
        var result = CliRun.Run("report", "check", TestFiles.Seed("000"));

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldContain("机关：深圳市住房和建设局");
        result.Out.ShouldContain("年度：2020");
        result.Out.ShouldContain("模板：2019年版");
        result.Out.ShouldContain("错误（8 项）");
        result.Out.ShouldContain("[requests.balance]");
        result.Out.ShouldContain("表三“一、本年新收政府信息公开申请数量”行“总计”栏");
        result.Out.ShouldContain("性质：报告本身的问题");
    }

    [Fact]
    public void Check_Seed003_ExitCodeFollowsItsRealFindings()
    {
        var result = CliRun.Run("report", "check", TestFiles.Seed("003"));

        result.ExitCode.ShouldBe(Seeds.ExitCode("003"));
        result.Out.ShouldContain(Seeds.Status("003") == "clean" ? "结论：无问题" : "结论：有问题");
    }

    [Fact]
    public void Check_Seed002_GarbledCellIsAReadingProblem()
    {
        var result = CliRun.Run("report", "check", TestFiles.Seed("002"));

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldContain("[cell.unreadable]");
        result.Out.ShouldContain("性质：读取问题");
    }

    [Fact]
    public void Check_JunkAmongSeeds_ExitsTwoAndStillReportsTheOthers()
    {
        using var dir = new TempDir();
        var junk = dir.Write("junk.pdf", JunkBytes());

        var result = CliRun.Run("report", "check", TestFiles.Seed("000"), junk, TestFiles.Seed("001"));

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldContain($"文件：{junk}\n  结论：无法读取——文件内容不是可识别的");
        result.Out.ShouldContain("机关：深圳市住房和建设局");
        result.Out.ShouldContain("机关：深圳市人民政府");
        result.Out.ShouldContain("合计：共 3 个文件，无问题 0 个，有问题 2 个，无法读取 1 个。");
    }

    [Fact]
    public void Check_MissingFile_ExitsTwo()
    {
        var result = CliRun.Run("report", "check", "/no/such/report.txt");

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldContain("文件不存在");
    }

    [Fact]
    public void Check_ConsecutiveYearsOfOneAgency_CrossYearFindingsOnTheLaterYear()
    {
        using var dir = new TempDir();
        var earlier = dir.Write("longgang-2021.json", Seeds.Seed003As(2021, edit: r => Seeds.AddOne(r, ReportTable.Requests, "carriedForward")));
        var later = TestFiles.Seed("003");
        var expected = CrossYearChecks.Check(ReportFile.Read(earlier).Report, ReportFile.Read(later).Report);
        expected.ShouldContain(f => f.Rule == Rules.YearCarry);

        var result = CliRun.Run("report", "check", later, earlier, "--format", "json");

        result.ExitCode.ShouldBe(1);
        using var json = JsonDocument.Parse(result.Out);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        var crossYear = files[0].GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("scope").GetString() == "crossYear").ToList();
        crossYear.Select(f => f.GetProperty("message").GetString()).ShouldBe(expected.Select(f => f.Message));
        crossYear[0].GetProperty("against")[0].GetString().ShouldBe(earlier);
        files[1].GetProperty("findings").EnumerateArray().ShouldNotContain(f => f.GetProperty("scope").GetString() == "crossYear");
    }

    [Fact]
    public void Check_ConsecutiveYears_TextNamesTheEarlierReportAndItsCells()
    {
        using var dir = new TempDir();
        var earlier = dir.Write("longgang-2021.json", Seeds.Seed003As(2021, edit: r => Seeds.AddOne(r, ReportTable.Requests, "carriedForward")));

        var result = CliRun.Run("report", "check", earlier, TestFiles.Seed("003"));

        result.Out.ShouldContain("[year.carry]");
        result.Out.ShouldContain($"依据：跨年度核对，对照上一年度报告 {earlier}");
        result.Out.ShouldContain("2021年报告表三“四、结转下年度继续办理”行“总计”栏");
    }

    [Fact]
    public void Check_Region_SummaryFindingsAgainstTheUnitsOfItsYear()
    {
        using var dir = new TempDir();
        var unitA = dir.Write("a.json", Seeds.Seed003As(2022, "龙岗区甲街道办事处"));
        var unitB = dir.Write("b.json", Seeds.Seed003As(2022, "龙岗区乙街道办事处"));
        var otherYear = dir.Write("c.json", Seeds.Seed003As(2021, "龙岗区丙街道办事处"));
        var summary = TestFiles.Seed("003");
        var expected = RegionChecks.Check(ReportFile.Read(summary).Report, [ReportFile.Read(unitA).Report, ReportFile.Read(unitB).Report]);
        expected.ShouldNotBeEmpty();

        var result = CliRun.Run("report", "check", unitA, unitB, otherYear, "--region", summary, "--format", "json");

        result.ExitCode.ShouldBe(1);
        using var json = JsonDocument.Parse(result.Out);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        files.Count.ShouldBe(4);
        files[0].GetProperty("file").GetString().ShouldBe(summary);
        var region = files[0].GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("scope").GetString() == "region").ToList();
        region.Select(f => f.GetProperty("message").GetString()).ShouldBe(expected.Select(f => f.Message));
        region[0].GetProperty("against").EnumerateArray().Select(a => a.GetString()).ShouldBe([unitA, unitB]);
    }

    [Fact]
    public void Check_JsonFormat_StatusesCountsAndExitCode()
    {
        using var dir = new TempDir();
        var empty = dir.Write("empty.txt", []);

        var result = CliRun.Run("report", "check", TestFiles.Seed("000"), TestFiles.Seed("003"), empty, "--format", "json");

        result.ExitCode.ShouldBe(2);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        var files = root.GetProperty("files").EnumerateArray().ToList();
        files.Select(f => f.GetProperty("status").GetString()).ShouldBe(["findings", Seeds.Status("003"), "unreadable"]);
        files[2].GetProperty("error").GetString().ShouldBe("文件为空");
        files[0].GetProperty("errors").GetInt32().ShouldBe(Seeds.Read("000").Findings.Count(f => f.Severity == Severity.Error));
        var balance = files[0].GetProperty("findings").EnumerateArray().First(f => f.GetProperty("rule").GetString() == "requests.balance");
        balance.GetProperty("origin").GetString().ShouldBe("report");
        balance.GetProperty("cellNames").GetArrayLength().ShouldBe(balance.GetProperty("cells").GetArrayLength());
        root.GetProperty("unreadable").GetInt32().ShouldBe(1);
        root.GetProperty("exitCode").GetInt32().ShouldBe(2);
    }

    internal static byte[] JunkBytes()
    {
        var bytes = new byte[4096];
        new Random(20240501).NextBytes(bytes);
        return bytes;
    }
}
