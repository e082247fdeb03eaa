using Gongkai.Domain.Reports;
using Gongkai.Reports.Tests.Support;
using Gongkai.Reports.Writing;

namespace Gongkai.Reports.Tests.Pdf;

/// <summary>The official HTML printed to PDF by chromium and read back through poppler: the same data.</summary>
public class PdfRoundTripTests
{
    public static TheoryData<string> Seeds => new() { "000", "001", "002", "003", "004" };

    public static TheoryData<int, ReportTemplate> Generated => new()
    {
        { 1, ReportTemplate.Y2021 }, { 2, ReportTemplate.Y2021 }, { 3, ReportTemplate.Y2021 },
        { 1, ReportTemplate.Y2019 }, { 2, ReportTemplate.Y2019 },
        { 1, ReportTemplate.Legacy }, { 2, ReportTemplate.Legacy },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Pdf_Seed_ReadsBackTheSame(string seed)
    {
        var report = ReportFile.Read(TestFiles.Seed(seed)).Report;

        var read = ReportFile.Read(ChromiumPdf.Render(HtmlReport.Write(report, []))).Report;

        ReportAssert.SamePrintable(report, read);
    }

    [Theory]
    [MemberData(nameof(Generated))]
    public void Pdf_GeneratedReport_ReadsBackTheSame(int seed, ReportTemplate template)
    {
        var report = ReportGenerator.Generate(seed, template);

        var read = ReportFile.Read(ChromiumPdf.Render(HtmlReport.Write(report, []))).Report;

        ReportAssert.SamePrintable(report, read);
    }
}
