using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Tests;

/// <summary>
/// The report of the issue, as a file: its prose says 予以公开及部分公开258件 and 无法提供265件
/// while its table 三 gives 275 and 337. Each figure is a text.table finding that quotes the
/// sentence and names the cells; the figures that agree (收到申请612件, 不予公开0件) are none.
/// </summary>
public class ProseFileTests
{
    private static readonly ReadReport Read = ReportFile.Read(TestFiles.Data("text/prose-combined-categories-2021.txt"));

    [Fact]
    public void Check_CombinedCategoriesAgainstTheTable_TwoFindingsQuotingTheSentence()
    {
        var findings = Read.Findings.Where(f => f.Rule == Rules.TextTable).ToList();

        findings.Select(f => f.Message).ShouldBe(
        [
            "正文“本年度予以公开及部分公开258件,不予公开0件,无法提供265件,不予处理0件,其他处理0件”称予以公开及部分公开258件，但表三“（一）予以公开”与“（二）部分公开”两行“总计”栏之和为275",
            "正文“本年度予以公开及部分公开258件,不予公开0件,无法提供265件,不予处理0件,其他处理0件”称无法提供265件，但表三“（四）无法提供”各项的“总计”栏之和为337",
        ]);
        findings[0].Cells.ShouldBe(["requests.results.granted.total", "requests.results.partiallyGranted.total"]);
        findings[1].Cells.Count.ShouldBe(3);
    }

    [Fact]
    public void Read_TitleNamesTheZoneOnly_AgencyFromItsSignature()
    {
        Read.Report.Agency.ShouldBe("某某实验区管理委员会");
        Read.Report.Title.ShouldBe("某某实验区2021年政府信息公开工作年度报告");
    }
}
