using Gongkai.Benchmarks.Accuracy;
using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Tests;

/// <summary>
/// Recovery by position: a text tool printed every row label of a table first and its figures
/// after (tests/data/text/labels-then-figures-2021.txt, the accuracy corpus's 2021 report mangled
/// so). The figures fit the template's rows and columns exactly and the prose confirms them, so
/// they are put in the template's order, each cell marked recovered, with a warning naming the
/// confirmation. Never when the prose contradicts, says nothing, or the count does not fit.
/// </summary>
public class RecoveryTests
{
    private static readonly AnnualReport Model = CorpusReports.Consistent(2021_01, ReportTemplate.Y2021);

    private static string Mangled => File.ReadAllText(TestFiles.Data("text/labels-then-figures-2021.txt"));

    [Fact]
    public void Read_LabelsTornFromFigures_EveryFigureInItsPlaceMarkedRecovered()
    {
        var read = ReportFile.ReadText(Mangled);

        read.Report.Cells().Select(c => (c.Path, c.Cell.Value)).ShouldBe(Model.Cells().Select(c => (c.Path, c.Cell.Value)));
        read.Report.Cells().Where(c => c.Row.Table != ReportTable.ReviewLitigation).ShouldAllBe(c => c.Cell.Form == CellForm.Recovered);
        read.Report.Requests["results.denied.stateSecret"]![1].Text.ShouldBe("/", "the mark printed in its place");
        var warning = read.Findings.Single(f => f.Rule == Rules.TableRecovered && f.Cells.Contains("requests.newReceived.total"));
        warning.Severity.ShouldBe(Severity.Warning);
        warning.Origin.ShouldBe(FindingOrigin.Reading);
        warning.Message.ShouldContain("按模板的25行、共175个数的行序和栏序逐格恢复");
        warning.Message.ShouldContain("正文所述“新收政府信息公开申请137件”");
        read.Findings.ShouldNotContain(f => f.Rule == Rules.TableIncomplete);
    }

    [Fact]
    public void Read_LabelsTornFromFigures_LabelsLeaveTheProse()
    {
        ReportFile.ReadText(Mangled).Report.Section(3)!.Text.ShouldBe("办理结果中，予以公开及部分公开85件，不予公开和无法提供19件。");
    }

    [Theory]
    [InlineData("予以公开及部分公开85件", "予以公开及部分公开86件", "与正文“")]
    [InlineData("114 18 1 3 0 1 137\n", "", "数字共168个，与模板25行应有的175个不符")]
    public void Read_ProseContradictsOrCountsDoNotFit_NotRecovered(string printed, string changed, string why)
    {
        var text = Mangled.Replace(printed, changed, StringComparison.Ordinal);

        var read = ReportFile.ReadText(text);

        read.Report.Requests["results.granted"]!.ShouldAllBe(c => c.Value == null);
        read.Findings.ShouldNotContain(f => f.Rule == Rules.TableRecovered && f.Cells.Any(c => c.StartsWith("requests.", StringComparison.Ordinal)));
        read.Findings.ShouldContain(f => f.Rule == Rules.TableIncomplete && f.Message.Contains(why, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ProseStatesNoFigure_NotRecovered()
    {
        var text = Mangled.Replace("本年度新收政府信息公开申请137件，较上年增加16件。", "", StringComparison.Ordinal)
            .Replace("办理结果中，予以公开及部分公开85件，不予公开和无法提供19件。", "", StringComparison.Ordinal);

        var read = ReportFile.ReadText(text);

        read.Report.Requests["newReceived"]!.ShouldAllBe(c => c.Value == null);
        read.Findings.ShouldContain(f => f.Rule == Rules.TableIncomplete && f.Message.Contains("正文中没有可以印证的数字", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_RecoveredReport_JsonKeepsTheFormRecovered()
    {
        var read = ReportFile.ReadText(Mangled);

        var back = Formats.JsonReport.Read(Formats.JsonReport.Write(read.Report, read.Findings));

        back.Requests["results.granted"]![0].Form.ShouldBe(CellForm.Recovered);
        back.Requests["results.granted"]![0].Source!.Line.ShouldBe(read.Report.Requests["results.granted"]![0].Source!.Line);
    }
}
