using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Gongkai.Domain.Reports;
using Gongkai.Reports.Writing;

namespace Gongkai.Reports.Tests;

/// <summary>The written page itself: official spans, print style, encoding, and the review marks.</summary>
public class HtmlReportTests
{
    [Fact]
    public void Write_NoFindings_PublishableReportOnly()
    {
        var report = ReportFile.Read(TestFiles.Seed("003")).Report;

        var html = HtmlReport.Write(report, []);
        using var page = Parse(html);

        html.ShouldStartWith("<!DOCTYPE html>");
        page.DocumentElement.GetAttribute("lang").ShouldBe("zh-CN");
        page.QuerySelector("meta[charset]")!.GetAttribute("charset").ShouldBe("utf-8");
        page.QuerySelector("h1")!.TextContent.ShouldBe("深圳市龙岗区2022年政府信息公开工作年度报告");
        page.QuerySelectorAll("h2").Select(h => h.TextContent).ShouldBe(
            ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
             "五、存在的主要问题和改进措施", "六、其他需要报告的事项"]);
        page.QuerySelectorAll("table.figures").Length.ShouldBe(3);
        page.QuerySelectorAll(".flagged, aside").ShouldBeEmpty();
        html.ShouldNotContain("检查发现的问题");
    }

    [Fact]
    public void Write_Table3_OfficialRowAndColumnSpans()
    {
        var report = ReportFile.Read(TestFiles.Seed("003")).Report;

        using var page = Parse(HtmlReport.Write(report, []));

        var table = page.QuerySelectorAll("table.figures")[1];
        table.QuerySelectorAll("thead tr").Length.ShouldBe(3);
        var corner = table.QuerySelector("thead th")!;
        (corner.GetAttribute("rowspan"), corner.GetAttribute("colspan")).ShouldBe(("3", "3"));
        Span(table, "三、本年度办理结果").ShouldBe("22");
        Span(table, "（三）不予公开").ShouldBe("8");
        Span(table, "（四）无法提供").ShouldBe("3");
        Span(table, "（五）不予处理").ShouldBe("5");
        Span(table, "（六）其他处理").ShouldBe("3");
        table.QuerySelectorAll("tbody tr").Length.ShouldBe(25);
        table.QuerySelectorAll("td[data-cell]").Length.ShouldBe(25 * 7);
        table.QuerySelector("td[data-cell='requests.newReceived.total']")!.TextContent.ShouldBe("552");
        table.QuerySelector("td[data-cell='requests.results.other.other.total']")!.TextContent.ShouldBe("116");
    }

    [Fact]
    public void Write_Table2_NoRepeatedHeaderBecauseEachBlockHasItsOwn()
    {
        var report = ReportFile.Read(TestFiles.Seed("001")).Report;

        using var page = Parse(HtmlReport.Write(report, []));

        var proactive = page.QuerySelectorAll("table.figures")[0];
        proactive.QuerySelector("thead").ShouldBeNull();
        proactive.QuerySelector("td[data-cell='proactive.procurement.amount']")!.TextContent.ShouldBe("4855733.96");
        page.QuerySelectorAll("table.figures")[2].QuerySelectorAll("thead tr").Length.ShouldBe(3);
    }

    [Fact]
    public void Write_LegacyReport_StatisticsTableWithIndicatorPaths()
    {
        var report = ReportFile.Read(TestFiles.Seed("004")).Report;

        using var page = Parse(HtmlReport.Write(report, []));

        var table = page.QuerySelector("table.figures")!;
        table.QuerySelectorAll("thead th").Select(th => th.TextContent).ShouldBe(["统计指标", "单位", "统计数"]);
        table.QuerySelector("td[data-cell='indicators.主动公开政府信息数']")!.TextContent.ShouldBe("480");
        page.QuerySelector("table.metadata")!.TextContent.ShouldContain("014421017/2018-00546");
    }

    [Fact]
    public void Write_Findings_FlagTheirCellsAndAreListedAfterTheReport()
    {
        var read = ReportFile.Read(TestFiles.Seed("000"));
        var balance = read.Findings.First(f => f.Rule == "requests.balance");

        using var page = Parse(HtmlReport.Write(read.Report, read.Findings));

        var named = read.Findings.SelectMany(f => f.Cells).ToHashSet();
        page.QuerySelectorAll("td.flagged").Select(td => td.GetAttribute("data-cell")).ShouldBe(named, ignoreOrder: true);
        foreach (var path in balance.Cells)
            page.QuerySelector($"td[data-cell='{path}']")!.GetAttribute("title")!.Split('\n').ShouldContain(balance.Message);
        page.QuerySelector("td[data-cell='requests.carriedOver.researchInstitution']")!.ClassList.ShouldNotContain("flagged");

        var aside = page.QuerySelector("body > aside.findings")!;
        aside.QuerySelector("h2")!.TextContent.ShouldBe("检查发现的问题");
        var rows = aside.QuerySelectorAll("tbody tr");
        rows.Length.ShouldBe(read.Findings.Count);
        rows[0].Children.Select(c => c.TextContent).ShouldBe([read.Findings[0].Rule, "错误", read.Findings[0].Message]);
    }

    [Fact]
    public void Write_MarkupInText_IsEncoded()
    {
        var report = ReportFile.Read(TestFiles.Seed("003")).Report;
        report.Title = "某局<script>alert(\"x\")</script>&nbsp;2022年政府信息公开工作年度报告";
        var finding = new Finding("requests.balance", Severity.Error, "“总计”栏<不平衡> & \"差1\"", ["requests.newReceived.total"]);

        using var page = Parse(HtmlReport.Write(report, [finding]));

        page.QuerySelectorAll("script").ShouldBeEmpty();
        page.QuerySelector("h1")!.TextContent.ShouldBe(report.Title);
        page.Title.ShouldBe(report.Title);
        page.QuerySelector("td.flagged")!.GetAttribute("title").ShouldBe(finding.Message);
    }

    [Fact]
    public void Write_Style_PrintsOnA4WithOfficialMarginsAndFonts()
    {
        var report = ReportFile.Read(TestFiles.Seed("003")).Report;

        using var page = Parse(HtmlReport.Write(report, []));

        var css = page.QuerySelector("head style")!.TextContent;
        css.ShouldContain("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }");
        css.ShouldContain("thead { display: table-header-group; }");
        css.ShouldContain("tr { break-inside: avoid;");
        css.ShouldContain("\"方正小标宋简体\"");
        css.ShouldContain("\"Noto Serif CJK SC\"");
        css.ShouldContain("FangSong");
    }

    private static string? Span(IElement table, string label) =>
        table.QuerySelectorAll("td").Single(td => td.TextContent == label).GetAttribute("rowspan");

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
