using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Tests;

/// <summary>
/// Reports converted to Markdown by extraction tools and language-model pipelines: recognised by
/// their content, headings without their marks, pipe tables, HTML tables inside, table 四 split
/// into a sub-table per group, page footers left out.
/// </summary>
public class MarkdownTests
{
    private static ReadReport Read(string name) => ReportFile.Read(TestFiles.Data(Path.Combine("markdown", name)));

    [Fact]
    public void Read_LlmConversionWithHtmlTableAndSubTables_EveryCell()
    {
        var read = Read("qingxi-2021-llm.md");

        read.Format.ShouldBe(ReportFormat.Markdown);
        read.Report.Title.ShouldBe("清溪县2021年政府信息公开工作年度报告");
        ReportAssert.Cells(read.Report, new Dictionary<string, decimal?[]>
        {
            ["proactive.rules"] = [0, 0, 0],
            ["proactive.normativeDocuments"] = [5, 2, 37],
            ["proactive.licensing"] = [1265],
            ["proactive.penalties"] = [346],
            ["proactive.coercion"] = [12],
            ["proactive.fees"] = [86.4m],
            ["requests.newReceived"] = [41, 6, 0, 0, 1, 0, 48],
            ["requests.carriedOver"] = [2, 1, 0, 0, 0, 0, 3],
            ["requests.results.granted"] = [20, 2, 0, 0, 0, 0, 22],
            ["requests.results.partiallyGranted"] = [3, 1, 0, 0, 0, 0, 4],
            ["requests.results.denied.stateSecret"] = [0, 0, 0, 0, 0, 0, 0],
            ["requests.results.denied.prohibitedByLaw"] = [1, 0, 0, 0, 0, 0, 1],
            ["requests.results.denied.threeSecurityOneStability"] = [0, 0, 0, 0, 0, 0, 0],
            ["requests.results.denied.thirdPartyRights"] = [1, 0, 0, 0, 0, 0, 1],
            ["requests.results.denied.internalAffairs"] = [0, 0, 0, 0, 0, 0, 0],
            ["requests.results.denied.processInformation"] = [2, 0, 0, 0, 0, 0, 2],
            ["requests.results.denied.enforcementCaseFile"] = [0, 0, 0, 0, 0, 0, 0],
            ["requests.results.denied.administrativeQuery"] = [0, 0, 0, 0, 0, 0, 0],
            ["requests.results.unavailable.notHeld"] = [9, 2, 0, 0, 1, 0, 12],
            ["requests.results.unavailable.needsCreation"] = [1, 0, 0, 0, 0, 0, 1],
            ["requests.results.unavailable.unclearAfterCorrection"] = [0, 0, 0, 0, 0, 0, 0],
            ["requests.results.notProcessed.petitionOrComplaint"] = [2, 0, 0, 0, 0, 0, 2],
            ["requests.results.notProcessed.duplicate"] = [1, 0, 0, 0, 0, 0, 1],
            ["requests.results.notProcessed.publication"] = [0, 0, 0, 0, 0, 0, 0],
            ["requests.results.notProcessed.massRepeated"] = [0, 0, 0, 0, 0, 0, 0],
            ["requests.results.notProcessed.confirmOrReissue"] = [0, 0, 0, 0, 0, 0, 0],
            ["requests.results.other.noCorrection"] = [2, 1, 0, 0, 0, 0, 3],
            ["requests.results.other.feeUnpaid"] = [0, 0, 0, 0, 0, 0, 0],
            ["requests.results.other.other"] = [0, 0, 0, 0, 0, 0, 0],
            ["requests.results.total"] = [42, 6, 0, 0, 1, 0, 49],
            ["requests.carriedForward"] = [1, 1, 0, 0, 0, 0, 2],
            ["reviewLitigation.review"] = [1, 0, 0, 1, 2],
            ["reviewLitigation.litigationWithoutReview"] = [0, 0, 1, 0, 1],
            ["reviewLitigation.litigationAfterReview"] = [0, 0, 0, 0, 0],
        });
        read.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Read_PipeConversionOfSeed000_SameFiguresAsTheSeed()
    {
        var markdown = Read("shenzhen-zhujian-2020-pipes.md").Report;
        var seed = ReportFile.Read(TestFiles.Seed("000")).Report;

        markdown.Cells().Select(c => (c.Path, c.Cell.Value)).ShouldBe(seed.Cells().Select(c => (c.Path, c.Cell.Value)));
        markdown.Agency.ShouldBe(seed.Agency);
        markdown.Year.ShouldBe(2020);
    }

    [Fact]
    public void Read_HeadingMarks_NotInTitleAgencyOrSections()
    {
        var report = ReportFile.ReadText("""
            # 某县人民政府2022年政府信息公开工作年度报告
            ## 一、总体情况
            本年度依法做好政府信息公开工作。
            ## 五、存在的主要问题及改进情况
            ### （一）存在的问题
            政策解读形式较为单一。
            ## 六、其他需要报告的事项
            本年度未收取信息处理费。
            """).Report;

        report.Title.ShouldBe("某县人民政府2022年政府信息公开工作年度报告");
        report.Agency.ShouldBe("某县人民政府");
        report.Sections.Where(s => s.Number > 0).Select(s => s.Number).ShouldBe([1, 5, 6]);
        report.Section(5)!.Text.ShouldBe("（一）存在的问题\n政策解读形式较为单一。");
    }

    [Fact]
    public void Read_Table4SubTablesInAnyOrder_EachGroupGetsItsOwnFigures()
    {
        var report = ReportFile.ReadText("""
            # 某局2022年政府信息公开工作年度报告
            ## 四、政府信息公开行政复议、行政诉讼情况
            **行政诉讼（复议后起诉）**

            | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
            |---|---|---|---|---|
            | 3 | 0 | 0 | 0 | 3 |

            **行政复议**

            | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
            |---|---|---|---|---|
            | 1 | 1 | 0 | 0 | 2 |

            **行政诉讼（未经复议直接起诉）**

            | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
            |---|---|---|---|---|
            | 0 | 0 | 0 | 4 | 4 |
            ## 五、存在的主要问题及改进情况
            """).Report;

        report.ReviewLitigation["review"]!.Select(c => c.Value).ShouldBe([1m, 1m, 0m, 0m, 2m]);
        report.ReviewLitigation["litigationWithoutReview"]!.Select(c => c.Value).ShouldBe([0m, 0m, 0m, 4m, 4m]);
        report.ReviewLitigation["litigationAfterReview"]!.Select(c => c.Value).ShouldBe([3m, 0m, 0m, 0m, 3m]);
    }

    [Fact]
    public void Read_PageFootersAndSeparators_NotInProse()
    {
        var report = ReportFile.ReadText("""
            # 某局2022年政府信息公开工作年度报告
            ## 一、总体情况
            本年度依法做好政府信息公开工作。

            — 3 —

            ---
            <!-- page 4 -->
            全年主动公开政府信息120条。
            """).Report;

        report.Section(1)!.Text.ShouldBe("本年度依法做好政府信息公开工作。\n全年主动公开政府信息120条。");
    }

    [Theory]
    [InlineData("# 标题\n正文", ReportFormat.Markdown)]
    [InlineData("某局2022年政府信息公开工作年度报告\n| 规章 | 0 |\n|---|---|\n", ReportFormat.Markdown)]
    [InlineData("某局2022年政府信息公开工作年度报告\n| 规章 | 0 | 0 | 0 |\n", ReportFormat.Text)]
    [InlineData("<html><body><h1># 不是 Markdown</h1></body></html>", ReportFormat.Html)]
    public void Read_FormatSniffedFromContent(string text, ReportFormat format)
    {
        ReportFile.Sniff(System.Text.Encoding.UTF8.GetBytes(text), out _).ShouldBe(format);
    }

    [Fact]
    public void Read_MarkdownCells_CarryTheirLineAndColumn()
    {
        var read = Read("qingxi-2021-llm.md").Report;

        var licensing = read.Proactive["licensing"]![0].Source!;
        (licensing.Line, licensing.Column).ShouldBe((30, 2));
        var total = read.Requests["newReceived"]![6].Source!;
        (total.Table, total.Row, total.Column).ShouldBe((1, 4, 8));
        total.Line.ShouldBe(45);
    }
}
