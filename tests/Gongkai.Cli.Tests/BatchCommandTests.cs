using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Reports;
using Microsoft.VisualBasic.FileIO;

namespace Gongkai.Cli.Tests;

public class BatchCommandTests
{
    private const int Status = 2;
    private const int Agency = 3;
    private const int Year = 4;
    private const int Errors = 7;
    private const int Rules = 10;
    private const int ReadError = 12;

    [Fact]
    public void Batch_SeedsEmptyAndJunk_OneRowPerReportFileAndExitTwo()
    {
        using var dir = new TempDir();
        foreach (var n in Seeds.Numbers)
            dir.CopySeed(n, $"seed-{n}.txt");
        dir.Write("empty.txt", []);
        dir.Write("junk.pdf", CheckCommandTests.JunkBytes());
        dir.Write(".hidden.txt", Encoding.UTF8.GetBytes("不是报告"));
        dir.Write("notes.md", Encoding.UTF8.GetBytes("不是报告"));
        var summary = dir.File("summary.csv");

        var result = CliRun.Run("report", "batch", dir.Path, "-o", summary);

        result.ExitCode.ShouldBe(2);
        var rows = ReadRows(summary);
        rows.Count.ShouldBe(7);
        rows.Select(r => r[0]).ShouldBe(["empty.txt", "junk.pdf", "seed-000.txt", "seed-001.txt", "seed-002.txt", "seed-003.txt", "seed-004.txt"]);
        rows.Select(r => r[Status]).ShouldBe(["unreadable", "unreadable", .. Seeds.Numbers.Select(Seeds.Status)]);
        rows[0][ReadError].ShouldBe("文件为空");
        rows[1][ReadError].ShouldStartWith("文件内容不是可识别的");
        rows[2][1].ShouldBe("有问题");
        rows[2][Agency].ShouldBe("深圳市住房和建设局");
        rows[2][Year].ShouldBe("2020");
        rows[2][Errors].ShouldBe(Seeds.Read("000").Findings.Count(f => f.Severity == Severity.Error).ToString(System.Globalization.CultureInfo.InvariantCulture));
        rows[2][Rules].Split(';').ShouldBe(["requests.balance", "requests.results-sum", "section.missing"]);
        result.Out.ShouldContain("共 7 个文件");
        result.Out.ShouldContain("无法读取 2 个");
        result.Error.ShouldContain("已处理 7/7");
    }

    [Fact]
    public void Batch_HugeFile_IsOneUnreadableRow()
    {
        using var dir = new TempDir();
        dir.CopySeed("001", "a-report.txt");
        using (var huge = File.Create(dir.File("b-huge.txt")))
            huge.SetLength(ReportFile.MaxBytes + 1);

        var result = CliRun.Run("report", "batch", dir.Path, "-o", dir.File("summary.csv"));

        result.ExitCode.ShouldBe(2);
        var rows = ReadRows(dir.File("summary.csv"));
        rows.Select(r => r[Status]).ShouldBe([Seeds.Status("001"), "unreadable"]);
        rows[1][ReadError].ShouldStartWith("文件过大");
    }

    [Fact]
    public void Batch_SummaryFile_IsUtf8WithBomAndQuotedFields()
    {
        using var dir = new TempDir();
        dir.CopySeed("004", "legacy.txt");
        var summary = dir.File(Path.Combine("out", "summary.csv"));

        CliRun.Run("report", "batch", dir.Path, "-o", summary).ExitCode.ShouldBe(1);

        var bytes = File.ReadAllBytes(summary);
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        // A message of seed 004 quotes the prose with an ASCII comma: the field must be quoted.
        Encoding.UTF8.GetString(bytes).ShouldContain(",\"警告：");
        ReadRows(summary).ShouldHaveSingleItem()[Status].ShouldBe("findings");
    }

    [Theory]
    [InlineData("=HYPERLINK(1),x.txt", "'=HYPERLINK(1),x.txt", "\"'=HYPERLINK(1),x.txt\"")]
    [InlineData("-报告\"甲\".txt", "'-报告\"甲\".txt", "\"'-报告\"\"甲\"\".txt\"")]
    [InlineData("@报告.txt", "'@报告.txt", "\"'@报告.txt\"")]
    [InlineData("普通 报告.txt", "普通 报告.txt", "\n普通 报告.txt,")]
    public void Batch_FileNameLikeAFormulaOrWithCommasAndQuotes_DefusedAndQuoted(string name, string cell, string written)
    {
        using var dir = new TempDir();
        dir.CopySeed("001", name);
        var summary = dir.File(Path.Combine("out", "summary.csv"));

        CliRun.Run("report", "batch", dir.Path, "-o", summary);

        File.ReadAllText(summary, Encoding.UTF8).ShouldContain(written);
        ReadRows(summary).ShouldHaveSingleItem()[0].ShouldBe(cell, "a spreadsheet shows the apostrophe-led cell as text");
    }

    [Fact]
    public void Batch_SubdirectoriesOnlyWithRecursive()
    {
        using var dir = new TempDir();
        dir.CopySeed("001", "top.txt");
        dir.CopySeed("003", Path.Combine("sub", "nested.TXT"));
        dir.CopySeed("000", Path.Combine(".hidden", "hidden.txt"));

        CliRun.Run("report", "batch", dir.Path, "-o", dir.File("flat.csv"));
        CliRun.Run("report", "batch", dir.Path, "-o", dir.File("deep.csv"), "--recursive");

        ReadRows(dir.File("flat.csv")).Select(r => r[0]).ShouldBe(["top.txt"]);
        ReadRows(dir.File("deep.csv")).Select(r => r[0]).ShouldBe([Path.Combine("sub", "nested.TXT"), "top.txt"]);
    }

    [Fact]
    public void Batch_EarlierSummaryInTheDirectory_IsNotAReport()
    {
        using var dir = new TempDir();
        dir.CopySeed("001", "report.txt");
        CliRun.Run("report", "batch", dir.Path, "-o", dir.File("summary-1.csv")).ExitCode.ShouldBe(Seeds.ExitCode("001"));

        var result = CliRun.Run("report", "batch", dir.Path, "-o", dir.File("summary-2.csv"));

        result.ExitCode.ShouldBe(Seeds.ExitCode("001"));
        ReadRows(dir.File("summary-2.csv")).Select(r => r[0]).ShouldBe(["report.txt"]);
    }

    [Fact]
    public void Batch_ConsecutiveYearsOfOneAgency_CountedOnTheLaterYearsRow()
    {
        using var dir = new TempDir();
        var earlier = dir.Write("a-2021.json", Seeds.Seed003As(2021, edit: r => Seeds.AddOne(r, ReportTable.Requests, "carriedForward")));
        var later = dir.CopySeed("003", "b-2022.txt");
        var laterRead = ReportFile.Read(later);
        var crossYear = CrossYearChecks.Check(ReportFile.Read(earlier).Report, laterRead.Report);
        crossYear.ShouldContain(f => f.Rule == Domain.Reports.Rules.YearCarry);

        CliRun.Run("report", "batch", dir.Path, "-o", dir.File("summary.csv")).ExitCode.ShouldBe(1);

        var rows = ReadRows(dir.File("summary.csv"));
        var expectedErrors = laterRead.Findings.Concat(crossYear).Count(f => f.Severity == Severity.Error);
        rows[1][Errors].ShouldBe(expectedErrors.ToString(System.Globalization.CultureInfo.InvariantCulture));
        rows[1][Status].ShouldBe("findings");
        rows[1][Rules].ShouldContain("year.carry");
        rows[0][Rules].ShouldNotContain("year.");
    }

    [Fact]
    public void Batch_HundredsOfCopies_CompletesWithCorrectCounts()
    {
        const int copies = 60;
        using var dir = new TempDir();
        for (var i = 0; i < copies; i++)
        {
            foreach (var n in Seeds.Numbers)
                dir.CopySeed(n, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i:000}-{n}.txt"));
        }
        var clean = Seeds.Numbers.Count(n => Seeds.Status(n) == "clean") * copies;
        var total = Seeds.Numbers.Length * copies;

        var result = CliRun.Run("report", "batch", dir.Path, "-o", dir.File("summary.csv"), "--jobs", "4");

        result.ExitCode.ShouldBe(clean == total ? 0 : 1);
        var rows = ReadRows(dir.File("summary.csv"));
        rows.Count.ShouldBe(total);
        rows.Select(r => r[0]).ShouldBe(rows.Select(r => r[0]).Order(StringComparer.Ordinal));
        rows.Count(r => r[Status] == "clean").ShouldBe(clean);
        rows.Count(r => r[Status] == "findings").ShouldBe(total - clean);
        result.Out.ShouldContain(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"共 {total} 个文件，无问题 {clean} 个，有问题 {total - clean} 个，无法读取 0 个"));
        result.Error.ShouldContain(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"已处理 {total}/{total}"));
    }

    [Fact]
    public void Batch_MissingDirectory_ExitsTwo()
    {
        using var dir = new TempDir();

        var result = CliRun.Run("report", "batch", dir.File("nowhere"), "-o", dir.File("summary.csv"));

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("目录不存在");
        File.Exists(dir.File("summary.csv")).ShouldBeFalse();
    }

    [Fact]
    public void Batch_NoReportFiles_ExitsTwoWithoutASummary()
    {
        using var dir = new TempDir();
        dir.Write("notes.md", Encoding.UTF8.GetBytes("不是报告"));

        var result = CliRun.Run("report", "batch", dir.Path, "-o", dir.File("summary.csv"));

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("没有年度报告文件");
        File.Exists(dir.File("summary.csv")).ShouldBeFalse();
    }

    [Fact]
    public void Batch_ZeroJobs_IsAUsageError()
    {
        using var dir = new TempDir();

        var result = CliRun.Run("report", "batch", dir.Path, "-o", dir.File("summary.csv"), "--jobs", "0");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--jobs 必须是正整数");
    }

    /// <summary>The data rows of a summary table, read by an independent RFC 4180 parser.</summary>
    private static List<string[]> ReadRows(string path)
    {
        using var parser = new TextFieldParser(path, Encoding.UTF8) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
            rows.Add(parser.ReadFields()!);
        rows[0][0].ShouldBe("文件");
        rows[0].Length.ShouldBe(14);
        rows.Skip(1).ShouldAllBe(r => r.Length == 14);
        return rows[1..];
    }
}
