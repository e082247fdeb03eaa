using System.Globalization;
using Gongkai.Reports;
using Microsoft.Data.Sqlite;

namespace Gongkai.Cli.Tests;

/// <summary>gongkai report generate over the demo region in an SQLite data folder.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly TempDir temp = new();

    private string DataDir => temp.File("data");

    private string CodeOf(string agency)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(DataDir, "gongkai.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT organization_code FROM agencies WHERE name = $name";
        command.Parameters.AddWithValue("$name", agency);
        return (string)command.ExecuteScalar()!;
    }

    [Fact]
    public void Generate_DemoOffice_WritesJsonDocxAndHtml()
    {
        CliRun.Run("demo", "seed", "--data-dir", DataDir).ExitCode.ShouldBe(0);
        var code = CodeOf("示范市人民政府办公室");
        var thisYear = DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture);
        var lastYear = (DateTime.UtcNow.Year - 1).ToString(CultureInfo.InvariantCulture);

        var json = CliRun.Run("report", "generate", "--agency", code, "--year", lastYear, "--data-dir", DataDir);
        var docx = temp.File("out/report.docx");
        var word = CliRun.Run("report", "generate", "--agency", code, "--year", thisYear, "--format", "docx", "-o", docx, "--data-dir", DataDir);
        var html = CliRun.Run("report", "generate", "--agency", code, "--year", thisYear, "--format", "html", "--data-dir", DataDir);

        json.ExitCode.ShouldBe(0, json.Error);
        json.Out.ShouldStartWith("{\n  \"agency\": \"示范市人民政府办公室\",\n  \"year\": " + lastYear + ",\n  \"template\": \"2021\"");
        json.Error.ShouldContain($"示范市人民政府办公室{lastYear}年度报告：已发布的报告（发布时的数据）；核对发现错误 0 个");
        word.ExitCode.ShouldBe(0, word.Error);
        word.Error.ShouldContain("按系统现有数据生成；核对发现错误 0 个");
        var read = ReportFile.Read(docx);
        (read.Report.Agency, read.Report.Year?.ToString(CultureInfo.InvariantCulture)).ShouldBe(("示范市人民政府办公室", thisYear));
        html.Out.ShouldContain("<h2>三、收到和处理政府信息公开申请情况</h2>");
    }

    [Fact]
    public void Generate_UnknownAgency_FailsWithChineseMessage()
    {
        CliRun.Run("db", "migrate", "--data-dir", DataDir).ExitCode.ShouldBe(0);

        var result = CliRun.Run("report", "generate", "--agency", "11990100000000000X", "--year", "2025", "--data-dir", DataDir);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("找不到统一社会信用代码为 11990100000000000X 的机关。");
        result.Out.ShouldBeEmpty();
    }

    public void Dispose() => temp.Dispose();
}
