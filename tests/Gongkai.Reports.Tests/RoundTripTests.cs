using Gongkai.Domain.Reports;
using Gongkai.Reports.Formats;
using Gongkai.Reports.Tests.Support;
using Gongkai.Reports.Writing;

namespace Gongkai.Reports.Tests;

/// <summary>Write, then read: the same data, for every template, over many generated reports.</summary>
public class RoundTripTests
{
    public static TheoryData<int, ReportTemplate> Reports()
    {
        var data = new TheoryData<int, ReportTemplate>();
        foreach (var template in new[] { ReportTemplate.Y2021, ReportTemplate.Y2019, ReportTemplate.Legacy })
        {
            for (var seed = 1; seed <= 40; seed++)
                data.Add(seed, template);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Text_GeneratedReport_ReadsBackTheSame(int seed, ReportTemplate template)
    {
        var report = ReportGenerator.Generate(seed, template);

        var read = ReportFile.ReadText(TextReport.Write(report)).Report;

        ReportAssert.Same(report, read);
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Html_GeneratedReport_ReadsBackTheSame(int seed, ReportTemplate template)
    {
        var report = ReportGenerator.Generate(seed, template);

        var read = ReportFile.ReadText(HtmlReport.Write(report, [])).Report;

        ReportAssert.Same(report, read);
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Docx_GeneratedReport_ReadsBackTheSame(int seed, ReportTemplate template)
    {
        var report = ReportGenerator.Generate(seed, template);

        var read = ReportFile.Read(DocxReport.Write(report)).Report;

        ReportAssert.Same(report, read);
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Json_GeneratedReport_ReadsBackTheSame(int seed, ReportTemplate template)
    {
        var report = ReportGenerator.Generate(seed, template);

        var read = ReportFile.ReadText(JsonReport.Write(report, [])).Report;

        ReportAssert.Same(report, read);
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Csv_GeneratedReport_ReadsBackTheSame(int seed, ReportTemplate template)
    {
        var report = ReportGenerator.Generate(seed, template);

        var read = ReportFile.ReadText(CsvReport.Write(report, [])).Report;

        ReportAssert.Same(report, read);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Text_Seed_ReadsBackTheSame(string seed)
    {
        var report = ReportFile.Read(TestFiles.Seed(seed)).Report;

        var read = ReportFile.ReadText(TextReport.Write(report)).Report;

        ReportAssert.Same(report, read);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void JsonAndCsv_Seed_ReadBackTheSameDataAndFindings(string seed)
    {
        var read = ReportFile.Read(TestFiles.Seed(seed));

        foreach (var written in new[] { JsonReport.Write(read.Report, read.Findings), CsvReport.Write(read.Report, read.Findings) })
        {
            var back = ReportFile.ReadText(written);
            ReportAssert.Same(read.Report, back.Report);
            back.Findings.Select(f => f.Rule).ShouldBe(read.Findings.Select(f => f.Rule), ignoreOrder: true);
        }
    }
}
