using System.Text;
using Gongkai.Core.AnnualReports;
using Gongkai.Domain.Reports;

namespace Gongkai.Core.Tests.AnnualReports;

public sealed class FigureCsvTests
{
    [Theory]
    [InlineData("单元格,数值\nproactive.licensing.decisions,300\n", "300")]
    [InlineData("\uFEFF单元格,数值\r\nproactive.licensing.decisions,\"1,280\"\r\n", "1,280")]
    [InlineData("\"proactive.licensing.decisions\",\" 12 \"\n", "12")]
    [InlineData("单元格,数值,,\r\nproactive.licensing.decisions,7,,\r\n,,,\r\n", "7")]
    [InlineData("单元格,数值\n\n\nproactive.licensing.decisions,8", "8")]
    public void Read_CellValueLines_ValueOfTheCell(string csv, string expected)
    {
        var (values, error) = FigureCsv.Read(Encoding.UTF8.GetBytes(csv), ReportTemplate.Y2021);

        error.ShouldBeNull();
        values.ShouldBe(new Dictionary<string, string?> { ["proactive.licensing.decisions"] = expected });
    }

    [Theory]
    [InlineData("单元格,数值\nproactive.licensing.decisions,1,280\n", "第2行应为“单元格,数值”（数值中有逗号时请加英文双引号）。")]
    [InlineData("单元格,数值\n\"多\n行\",1\nproactive.licensing.decisions\n", "第4行应为“单元格,数值”（数值中有逗号时请加英文双引号）。")]
    [InlineData("单元格,数值\n", "文件中没有数据。")]
    [InlineData("", "文件中没有数据。")]
    public void Read_BadLines_ErrorNamesTheLine(string csv, string expected) =>
        FigureCsv.Read(Encoding.UTF8.GetBytes(csv), ReportTemplate.Y2021).Error.ShouldBe(expected);

    [Fact]
    public void Read_NotUtf8_Refused() =>
        FigureCsv.Read([0xB5, 0xA5, 0xD4, 0xAA], ReportTemplate.Y2021).Error.ShouldBe("文件不是 UTF-8 编码的 CSV。");
}
