using System.Globalization;
using System.Text.Json;
using Gongkai.Reports;
using Gongkai.Reports.Formats;
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
        SeededDemo.CopyTo(DataDir);
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
        word.Error.ShouldContain("按系统现有数据生成；本年度尚未结束，不是全年数据；核对发现错误 0 个");
        var read = ReportFile.Read(docx);
        (read.Report.Agency, read.Report.Year?.ToString(CultureInfo.InvariantCulture)).ShouldBe(("示范市人民政府办公室", thisYear));
        html.Out.ShouldContain("<h2>三、收到和处理政府信息公开申请情况</h2>");

        // A government's report (issue 14): the same figures as its (published) report page, and the units it sums.
        var city = CliRun.Run("report", "generate", "--agency", CodeOf("示范市人民政府"), "--year", lastYear, "--data-dir", DataDir);
        city.ExitCode.ShouldBe(0, city.Error);
        city.Error.ShouldContain("已发布的报告（发布时的数据）；含本级和8个单位；核对发现错误 0 个");
        using var printed = JsonDocument.Parse(city.Out);
        printed.RootElement.GetProperty("units").EnumerateArray().Select(u => u.GetString()).ShouldBe(Departments("示范市人民政府"));
        var page = JsonReport.Read(Scalar("SELECT report_json FROM annual_reports r JOIN agencies a ON a.id = r.agency_id WHERE a.name = '示范市人民政府' AND r.year = " + lastYear));
        var printedReport = JsonReport.Read(city.Out);
        foreach (var (path, _, _, cell) in page.Cells())
            printedReport.Cells().Single(c => c.Path == path).Cell.Value.ShouldBe(cell.Value, path);
    }

    private IReadOnlyList<string> Departments(string government)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(DataDir, "gongkai.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT c.organization_code FROM agencies c JOIN agencies p ON p.id = c.parent_id WHERE p.name = $name AND c.level = 'Department' ORDER BY c.sort_order";
        command.Parameters.AddWithValue("$name", government);
        using var reader = command.ExecuteReader();
        var codes = new List<string>();
        while (reader.Read())
            codes.Add(reader.GetString(0));
        return codes;
    }

    private string Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(DataDir, "gongkai.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
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
