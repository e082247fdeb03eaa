using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reports.Writing;

namespace Gongkai.Reports.Tests;

/// <summary>
/// What <see cref="HtmlReport"/> writes reads back through <see cref="ReportFile"/> to the same
/// report: every seed, every HTML fixture, and the review copy with its findings marked.
/// </summary>
public class HtmlRoundTripTests
{
    public static TheoryData<string> Seeds => new() { "000", "001", "002", "003", "004" };

    public static TheoryData<string> Fixtures => new() { "linhe-2021-cms.html", "shengtai-2019-word.html", "qingshi-2022-gbk.html" };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Write_Seed_ReadsBackTheSameReport(string seed)
    {
        var original = ReportFile.Read(TestFiles.Seed(seed)).Report;

        var back = ReadBack(HtmlReport.Write(original, []));

        back.Format.ShouldBe(ReportFormat.Html);
        ReportAssert.Same(original, back.Report);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Write_SeedWithFindings_ReviewCopyReadsBackTheSameReportAndFindings(string seed)
    {
        var read = ReportFile.Read(TestFiles.Seed(seed));

        var back = ReadBack(HtmlReport.Write(read.Report, read.Findings));

        ReportAssert.Same(read.Report, back.Report);
        back.Findings.Select(f => (f.Rule, f.Severity, f.Message)).ShouldBe(read.Findings.Select(f => (f.Rule, f.Severity, f.Message)));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Write_HtmlFixture_ReadsBackTheSameReport(string fixture)
    {
        var original = ReportFile.Read(TestFiles.Data(Path.Combine("html", fixture))).Report;

        ReportAssert.Same(original, ReadBack(HtmlReport.Write(original, [])).Report);
    }

    [Fact]
    public void Write_SpacesMarkupAndMarks_SurviveTheRoundTrip()
    {
        var report = ReportFile.Read(TestFiles.Seed("003")).Report;
        var six = report.Section(6)!;
        report.Sections[report.Sections.IndexOf(six)] = six with { Text = "收费  情况：<br>&amp;“0”元\n第二行" };
        report.Requests.Set("newReceived", [.. report.Requests["newReceived"]!.Select((c, i) => i == 0 ? new Cell(0, "/", CellForm.Slash) : c)]);

        var back = ReadBack(HtmlReport.Write(report, [])).Report;

        back.Section(6)!.Text.ShouldBe("收费  情况：<br>&amp;“0”元\n第二行");
        back.Requests.Get("newReceived", 0).ShouldBe(new Cell(0, "/", CellForm.Slash));
    }

    private static ReadReport ReadBack(string html) => ReportFile.Read(Encoding.UTF8.GetBytes(html));
}
