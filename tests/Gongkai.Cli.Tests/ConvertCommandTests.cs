using Gongkai.Reports;
using Gongkai.Reports.Formats;
using Gongkai.Reports.Tests;

namespace Gongkai.Cli.Tests;

public class ConvertCommandTests
{
    [Theory]
    [InlineData("000")]
    [InlineData("004")]
    public void Parse_Json_EqualsJsonReportOfTheSameRead(string seed)
    {
        var read = Seeds.Read(seed);

        var result = CliRun.Run("report", "parse", TestFiles.Seed(seed), "--format", "json");

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldBe(JsonReport.Write(read.Report, read.Findings));
        result.Error.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("seeds/000_5485236d7c6fb8e1.txt", "requests.newReceived.naturalPerson", "\"source\": { \"line\": 80 }")]
    [InlineData("html/shengtai-2019-word.html", "requests.newReceived.naturalPerson", "\"source\": { \"table\": 2, \"row\": 4, \"column\": 2 }")]
    [InlineData("markdown/qingxi-2021-llm.md", "proactive.licensing.decisions", "\"source\": { \"line\": 30, \"column\": 2 }")]
    public void Parse_Json_EveryCellWithWhereItWasPrinted(string file, string cell, string source)
    {
        var result = CliRun.Run("report", "parse", TestFiles.Data(file));

        result.ExitCode.ShouldBe(0);
        var entry = result.Out[result.Out.IndexOf($"\"{cell}\": {{", StringComparison.Ordinal)..];
        entry[..entry.IndexOf("\n    }", StringComparison.Ordinal)].ShouldContain(source);
    }

    [Theory]
    [InlineData("000", "       原件位置：第80行；第88行；第252行；第260行\n")]
    [InlineData("004", "       原件位置：第61行第3格\n")]
    public void Check_Text_NamesWhereTheFindingsCellsArePrinted(string seed, string places)
    {
        var result = CliRun.Run("report", "check", TestFiles.Seed(seed));

        result.Out.ShouldContain(places);
    }

    [Fact]
    public void Parse_Csv_EqualsCsvReportOfTheSameRead()
    {
        var read = Seeds.Read("001");

        var result = CliRun.Run("report", "parse", TestFiles.Seed("001"), "--format", "csv");

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldBe(CsvReport.Write(read.Report, read.Findings));
    }

    [Fact]
    public void Parse_UnreadableFile_ExitsTwoWithTheReasonOnStderr()
    {
        using var dir = new TempDir();
        var junk = dir.Write("junk.docx", CheckCommandTests.JunkBytes());

        var result = CliRun.Run("report", "parse", junk);

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.Error.ShouldStartWith($"无法读取 {junk}：");
    }

    [Theory]
    [InlineData("text", "out.txt")]
    [InlineData("json", "out.json")]
    [InlineData("csv", "out.csv")]
    [InlineData("html", "out.html")]
    [InlineData("docx", "out.docx")]
    public void Render_EveryFormat_WritesAFileThatReadsBack(string format, string name)
    {
        using var dir = new TempDir();
        var output = dir.File(Path.Combine("new", "dir", name));
        var original = Seeds.Read("003").Report;

        var result = CliRun.Run("report", "render", TestFiles.Seed("003"), "--format", format, "-o", output);

        result.ExitCode.ShouldBe(0);
        var back = ReportFile.Read(output).Report;
        back.Agency.ShouldBe(original.Agency);
        back.Year.ShouldBe(original.Year);
        back.Template.ShouldBe(original.Template);
        back.Cells().Select(c => (c.Path, c.Cell.Value)).ShouldBe(original.Cells().Select(c => (c.Path, c.Cell.Value)));
        Directory.GetFiles(Path.GetDirectoryName(output)!).ShouldBe([output]);
    }

    [Fact]
    public void Render_WithoutFormat_TakesItFromTheOutputExtension()
    {
        using var dir = new TempDir();
        var output = dir.File("report.json");

        var result = CliRun.Run("report", "render", TestFiles.Seed("001"), "-o", output);

        result.ExitCode.ShouldBe(0);
        ReportFile.Read(output).Format.ShouldBe(ReportFormat.Json);
    }

    [Fact]
    public void Render_ReplacesAnExistingFileWhole()
    {
        using var dir = new TempDir();
        var output = dir.Write("report.txt", new byte[100_000]);

        CliRun.Run("report", "render", TestFiles.Seed("002"), "--format", "text", "-o", output).ExitCode.ShouldBe(0);

        ReportFile.Read(output).Report.Agency.ShouldBe(Seeds.Read("002").Report.Agency);
    }

    [Fact]
    public void Render_TextToStdout_PrintsIt()
    {
        var result = CliRun.Run("report", "render", TestFiles.Seed("003"), "--format", "json");

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldStartWith("{");
    }

    [Fact]
    public void Render_BinaryFormatToStdout_IsRefused()
    {
        var result = CliRun.Run("report", "render", TestFiles.Seed("003"), "--format", "docx");

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.Error.ShouldContain("-o");
    }

    [Fact]
    public void Render_UnknownFormat_ExitsTwoWithChineseMessage()
    {
        var result = CliRun.Run("report", "render", TestFiles.Seed("003"), "--format", "pdf");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("未识别参数“pdf”");
    }
}
