using Gongkai.Domain.Reports;
using Gongkai.Reports.Formats;
using Gongkai.Reports.Tests.Support;

namespace Gongkai.Reports.Tests;

/// <summary>The engine's CSV (docs/annual-report.md): quoted only where RFC 4180 needs it, LF line ends, read back as written.</summary>
public sealed class CsvReportTests
{
    [Theory]
    [InlineData("a,b")]
    [InlineData("他说\"好\"")]
    [InlineData("第一行\n第二行")]
    [InlineData("回车\r\n换行")]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("-1")]
    [InlineData(" 前后空格 ")]
    [InlineData("\"")]
    [InlineData("'=1+1")]
    [InlineData("''-1")]
    [InlineData("'")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    public void Write_AwkwardTitleAndPublisher_ReadsBackTheSame(string text)
    {
        var report = ReportGenerator.Generate(3, ReportTemplate.Y2021);
        report.Title = "标题" + text;
        report.Source.Publisher = text + "局";

        var read = CsvReport.Read(CsvReport.Write(report, []));

        (read.Title, read.Source.Publisher).ShouldBe(("标题" + text, text + "局"));
        ReportAssert.Same(report, read);
    }

    [Fact]
    public void Write_Report_BomHeaderLfAndQuotesOnlyWhereNeeded()
    {
        var report = ReportGenerator.Generate(3, ReportTemplate.Y2021);
        report.Agency = "示范市,教育局";
        report.Title = "=1+1";

        var csv = CsvReport.Write(report, []);

        csv.ShouldStartWith("\uFEFF" + CsvReport.Header + "\nmeta,agency,,\"示范市,教育局\",,,\n");
        csv.ShouldContain("\nmeta,title,,'=1+1,,,\n", customMessage: "a spreadsheet must not run a hostile title");
        csv.ShouldNotContain("\r\n");
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@x", "'@x")]
    [InlineData("'=x", "''=x")]
    [InlineData("'x", "'x")]
    [InlineData("示范市=教育局", "示范市=教育局")]
    public void Defuse_FormulaLikeText_GetsOneApostropheThatUndefuseTakesOff(string text, string written)
    {
        CsvReport.Defuse(text).ShouldBe(written);
        CsvReport.Undefuse(written).ShouldBe(text);
    }

    [Fact]
    public void Write_NegativeFigure_StaysANumberWhileItsTextIsDefused()
    {
        var report = ReportGenerator.Generate(3, ReportTemplate.Y2021);
        var (_, row, column, _) = report.Cells().First();
        var negative = new Cell(-3, "-3", CellForm.Number);
        report.Table(row.Table)[row.Key]![column] = negative;

        var csv = CsvReport.Write(report, []);

        csv.ShouldContain($",{row.Columns[column].Key},-3,'-3,");
        CsvReport.Read(csv).Cells().First().Cell.ShouldBe(negative);
    }

    [Theory]
    [InlineData("table,row,column,value,text,form\n", "CSV 不是本系统导出的年度报告数据（表头不符）")]
    [InlineData("table,row,column,value,text,form,label\nmeta,year,,\"20,21\",,,\n", "CSV 中有无法识别的数字或日期")]
    [InlineData("table,row,column,value,text,form,label\nmeta,year,,2021,,\n", "CSV 第2条记录应有7列，实有6列")]
    public void Read_BadCsv_SaysWhy(string csv, string expected) =>
        Should.Throw<ReportReadException>(() => CsvReport.Read(csv)).Message.ShouldStartWith(expected);
}
