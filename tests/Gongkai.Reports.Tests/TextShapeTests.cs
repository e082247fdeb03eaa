using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Tests;

/// <summary>Text shapes beyond the seeds: column layout from pdftotext -layout, GBK bytes, full-width digits.</summary>
public class TextShapeTests
{
    [Fact]
    public void Read_LayoutText_EveryCellOfTable3AndNoFindings()
    {
        var read = ReportFile.Read(TestFiles.Data("text/layout-2021.txt"));
        var r = read.Report;

        r.Template.ShouldBe(ReportTemplate.Y2021);
        r.Agency.ShouldBe("泰州市海陵区人民政府");
        Values(r.Requests, "newReceived").ShouldBe([120, 14, 1, 2, 3, 4, 144]);
        Values(r.Requests, "results.partiallyGranted").ShouldBe([10, 2, 0, 0, 0, 0, 12]);
        Values(r.Requests, "results.unavailable.notHeld").ShouldBe([30, 3, 0, 1, 1, 2, 37]);
        Values(r.Requests, "results.other.noCorrection").ShouldBe([4, 0, 0, 0, 0, 0, 4]);
        Values(r.Requests, "results.other.other").ShouldBe([3, 1, 0, 0, 0, 0, 4]);
        Values(r.Requests, "results.total").ShouldBe([117, 13, 1, 1, 2, 3, 137]);
        Values(r.Requests, "carriedForward").ShouldBe([9, 2, 0, 1, 1, 1, 14]);
        Values(r.Proactive, "normativeDocuments").ShouldBe([12, 3, 88]);
        Values(r.Proactive, "fees").ShouldBe([125.6m]);
        Values(r.ReviewLitigation, "litigationWithoutReview").ShouldBe([2, 0, 1, 0, 3]);
        read.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Read_GbkFullWidthWrappedLabelsAndPageMarkers_EveryFigureInPlace()
    {
        var read = ReportFile.Read(TestFiles.Data("text/gbk-fullwidth-2019.txt"));
        var r = read.Report;

        r.Template.ShouldBe(ReportTemplate.Y2019);
        r.Year.ShouldBe(2020);
        Values(r.Proactive, "licensing").ShouldBe([12, -2, 340]);
        Values(r.Proactive, "penalties").ShouldBe([9, 1, 56]);
        r.Proactive["coercion"]![2].Form.ShouldBe(CellForm.Slash);
        Values(r.Proactive, "procurement").ShouldBe([4, 125m]);
        Values(r.Requests, "results.partiallyGranted").ShouldBe([2, 0, 0, 0, 0, 0, 2]);
        Values(r.Requests, "results.denied.processInformation").ShouldBe([1, 0, 0, 0, 0, 0, 1]);
        Values(r.Requests, "results.unavailable.notHeld").ShouldBe([4, 1, 0, 0, 0, 0, 5]);
        Values(r.Requests, "results.notProcessed.confirmOrReissue").ShouldBe([0, 0, 0, 0, 0, 0, 0]);
        Values(r.Requests, "results.total").ShouldBe([20, 2, 0, 0, 1, 0, 23]);
        Values(r.ReviewLitigation, "litigationWithoutReview").ShouldBe([1, 0, 0, 0, 1]);
        read.Findings.ShouldBeEmpty();
    }

    private static decimal?[] Values(StatTable table, string key) => [.. table[key]!.Select(c => c.Value)];

    [Fact]
    public void Read_RowsFlattenedWithSingleSpaces_FiguresStaySeparate()
    {
        var text = """
            某区司法局2022年政府信息公开工作年度报告
            三、收到和处理政府信息公开申请情况
            一、本年新收政府信息公开申请数量 12 1 0 0 0 0 13
            二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
            四、政府信息公开行政复议、行政诉讼情况
            行政复议 行政诉讼
            - 2 -
            1 0 0 0 1 0 0 0 0 0 0 0 0 0 0
            五、存在的主要问题及改进情况
            """;

        var r = ReportFile.ReadText(text).Report;

        Values(r.Requests, "newReceived").ShouldBe([12, 1, 0, 0, 0, 0, 13]);
        Values(r.ReviewLitigation, "review").ShouldBe([1, 0, 0, 0, 1]);
        Values(r.ReviewLitigation, "litigationAfterReview").ShouldBe([0, 0, 0, 0, 0]);
    }

    [Theory]
    [InlineData("深圳市龙岗区\n2022年政府信息公开工作年度报告", "深圳市龙岗区", 2022)]
    [InlineData("某市生态环境局二〇二一年政府信息公开工作年度报告", "某市生态环境局", 2021)]
    [InlineData("二〇二三年度某县人民政府信息公开工作年度报告", "某县人民政府", 2023)]
    public void Read_TitleShapes_AgencyAndYear(string title, string agency, int year)
    {
        var r = ReportFile.ReadText(title + "\n一、总体情况\n本年度依法做好政府信息公开工作。\n五、存在的主要问题及改进情况\n无。").Report;

        r.Agency.ShouldBe(agency);
        r.Year.ShouldBe(year);
    }

    /// <summary>
    /// Text copied out of a PDF with pdftotext -layout (here: the seeds printed in the official
    /// layout by chromium): figures of adjacent columns one space apart, labels wrapped around
    /// their figures, titles wrapped before their last word, headers repeated after page breaks.
    /// </summary>
    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    public void Read_PdftotextLayoutOfASeed_SameCellsAsTheSeed(string seed)
    {
        var original = ReportFile.Read(TestFiles.Seed(seed)).Report;

        var read = ReportFile.Read(TestFiles.Data($"text/pdftotext-layout/{seed}.txt")).Report;

        (read.Agency, read.Year, read.Template).ShouldBe((original.Agency, original.Year, original.Template));
        read.Cells().Select(c => (c.Path, c.Cell.Value, c.Cell.Form)).ShouldBe(original.Cells().Select(c => (c.Path, c.Cell.Value, c.Cell.Form)));
    }
}
