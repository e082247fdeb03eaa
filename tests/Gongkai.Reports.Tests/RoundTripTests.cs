using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reports.Formats;
using Gongkai.Reports.Tests.Support;
using Gongkai.Reports.Writing;

namespace Gongkai.Reports.Tests;

/// <summary>Write, then read: the same data, for every format and template, over many generated reports.</summary>
public class RoundTripTests
{
    private static readonly string[] Formats = ["text", "html", "docx", "json", "csv"];

    public static TheoryData<string, int, ReportTemplate> Reports()
    {
        var data = new TheoryData<string, int, ReportTemplate>();
        foreach (var format in Formats)
        {
            foreach (var template in new[] { ReportTemplate.Y2021, ReportTemplate.Y2019, ReportTemplate.Legacy })
            {
                for (var seed = 1; seed <= 40; seed++)
                    data.Add(format, seed, template);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Write_GeneratedReport_ReadsBackTheSame(string format, int seed, ReportTemplate template)
    {
        var report = ReportGenerator.Generate(seed, template);

        var read = ReportFile.Read(Write(format, report, [])).Report;

        ReportAssert.Same(report, read);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Write_Seed_ReadsBackTheSameDataAndFindingsInEveryFormat(string seed)
    {
        var read = ReportFile.Read(TestFiles.Seed(seed));

        foreach (var format in Formats)
        {
            var back = ReportFile.Read(Write(format, read.Report, read.Findings));
            ReportAssert.Same(read.Report, back.Report);
            back.Findings.Select(f => f.Rule).ShouldBe(read.Findings.Select(f => f.Rule), ignoreOrder: true, format);
        }
    }

    private static byte[] Write(string format, AnnualReport report, IReadOnlyList<Finding> findings) => format switch
    {
        "text" => Encoding.UTF8.GetBytes(TextReport.Write(report)),
        "html" => Encoding.UTF8.GetBytes(HtmlReport.Write(report, findings)),
        "docx" => DocxReport.Write(report),
        "json" => Encoding.UTF8.GetBytes(JsonReport.Write(report, findings)),
        "csv" => Encoding.UTF8.GetBytes(CsvReport.Write(report, findings)),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
