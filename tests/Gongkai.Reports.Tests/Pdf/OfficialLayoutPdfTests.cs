using Gongkai.Domain.Reports;
using Gongkai.Reports.Formats;
using Gongkai.Reports.Reading;
using Gongkai.Reports.Writing;

namespace Gongkai.Reports.Tests.Pdf;

/// <summary>
/// A report in the product's own HTML layout, printed by Chromium once and read back through
/// poppler: the metadata table above the title on a page without figures, and paragraphs of one
/// sentence each, told apart by their first-line indent.
/// </summary>
public class OfficialLayoutPdfTests
{
    private const string Wrapped = "本年度认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开标准化规范化建设。";

    /// <summary>Each fills its line but for a character or two, and ends a sentence.</summary>
    private const string OneLine1 = "政务公开专业化水平仍需提升，部分栏目更新不够及时。";

    private const string OneLine2 = "严格落实保密审查机制，坚持“先审查、后公开”原则。";

    private static readonly Lazy<SourceDocument> Document = new(() => PdfSource.Read(ChromiumPdf.Render(HtmlReport.Write(Report(), []))));

    [Fact]
    public void Read_MetadataOnAPageWithoutFigures_RowsFromItsRules()
    {
        var rows = Document.Value.Lines.TakeWhile(l => l.IsRow).Select(l => l.Cells).ToList();

        rows.ShouldBe([
            ["索引号", "014421078/2016-65751", "分类", "信息公开年报"],
            ["发布机构", "深圳市人民政府", "发文日期", "2016-02-10"],
        ]);
    }

    [Fact]
    public void Read_OneSentenceParagraphs_EachItsOwn()
    {
        var paragraphs = Document.Value.Lines.Where(l => !l.IsRow).Select(l => l.Cells[0]);

        paragraphs.ShouldBe(["深圳市人民政府2015年政府信息公开工作年度报告", "一、概述", Wrapped, OneLine1, OneLine2]);
    }

    private static AnnualReport Report()
    {
        var report = new AnnualReport { Template = ReportTemplate.Legacy, Title = "深圳市人民政府2015年政府信息公开工作年度报告" };
        report.Source.IndexNumber = "014421078/2016-65751";
        report.Source.Category = "信息公开年报";
        report.Source.Publisher = "深圳市人民政府";
        report.Source.IssuedOn = new DateOnly(2016, 2, 10);
        report.Sections.Add(new ReportSection(1, "概述", string.Join("\n", Wrapped, OneLine1, OneLine2), SectionTopic.Overview));
        return report;
    }
}
