using System.Text;
using Gongkai.Reports.Formats;

namespace Gongkai.Reports.Tests;

/// <summary>What the JSON and CSV writers write, the readers read back cell for cell, whatever the template.</summary>
public class RoundTripTests
{
    public static TheoryData<string> Seeds => new() { "000", "001", "002", "003", "004" };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void JsonReport_Seed_ReadsBackEveryCell(string seed)
    {
        var read = ReportFile.Read(TestFiles.Seed(seed));

        var back = ReportFile.Read(Encoding.UTF8.GetBytes(JsonReport.Write(read.Report, read.Findings)));

        AssertSameFigures(read, back);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void CsvReport_Seed_ReadsBackEveryCell(string seed)
    {
        var read = ReportFile.Read(TestFiles.Seed(seed));

        var back = ReportFile.Read(Encoding.UTF8.GetBytes(CsvReport.Write(read.Report, read.Findings)));

        AssertSameFigures(read, back);
    }

    private static void AssertSameFigures(ReadReport expected, ReadReport actual)
    {
        actual.Report.Agency.ShouldBe(expected.Report.Agency);
        actual.Report.Year.ShouldBe(expected.Report.Year);
        actual.Report.Template.ShouldBe(expected.Report.Template);
        actual.Report.Cells().Select(c => (c.Path, c.Cell.Value, c.Cell.Form))
            .ShouldBe(expected.Report.Cells().Select(c => (c.Path, c.Cell.Value, c.Cell.Form)));
        actual.Report.Indicators.Select(i => (i.Label, i.Value.Value)).ShouldBe(expected.Report.Indicators.Select(i => (i.Label, i.Value.Value)));
        actual.Findings.Select(f => f.Rule).ShouldBe(expected.Findings.Select(f => f.Rule), ignoreOrder: true);
    }
}
