using Gongkai.Reports.Formats;
using Gongkai.Reports.Reading;

namespace Gongkai.Reports.Tests;

/// <summary>The shapes of published web pages, each reduced to the lines the parser reads.</summary>
public class HtmlSourceTests
{
    [Fact]
    public void Read_DigitsSplitOverInlineElements_OneNumber()
    {
        var lines = Lines("<table><tr><td>规章</td><td><span>1</span><span>2</span></td><td><font>3</font><b>0</b>4</td></tr></table>");

        lines.ShouldBe(["R 规章|12|304"]);
    }

    [Fact]
    public void Read_SpannedCells_EachPhysicalCellOnce()
    {
        var lines = Lines("""
            <table>
            <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td colspan="2">1</td></tr>
            <tr><td>2.其他法律行政法规禁止公开</td><td>&nbsp;</td><td> </td></tr>
            </table>
            """);

        lines.ShouldBe(["R （三）不予公开|1.属于国家秘密|1", "R 2.其他法律行政法规禁止公开||"]);
    }

    [Fact]
    public void Read_BreaksAndParagraphsInsideACell_AreSpaces()
    {
        var lines = Lines("<table><tr><td>结果<br>维持</td><td><p>法律服务</p><p>机构</p></td></tr></table>");

        lines.ShouldBe(["R 结果 维持|法律服务 机构"]);
    }

    [Fact]
    public void Read_BlocksAndLineBreaks_AreParagraphsInOrder()
    {
        var lines = Lines("<div>标题<p>第一段</p>第二段<br>第三段<h2>一、总体情况</h2><ul><li>甲</li><li>乙</li></ul></div>");

        lines.ShouldBe(["P 标题", "P 第一段", "P 第二段", "P 第三段", "P 一、总体情况", "P 甲", "P 乙"]);
    }

    [Fact]
    public void Read_LayoutTable_IsReadAsBlocksAroundItsDataTable()
    {
        var lines = Lines("""
            <table><tr><td>
              <p>一、总体情况</p>
              <table><tr><td>规章</td><td>0</td></tr></table>
              <p>二、主动公开政府信息情况</p>
            </td></tr></table>
            """);

        lines.ShouldBe(["P 一、总体情况", "R 规章|0", "P 二、主动公开政府信息情况"]);
    }

    [Fact]
    public void Read_ArticleCellBesideALinkColumn_IsReadAsParagraphs()
    {
        var prose = string.Concat(Enumerable.Repeat("全年主动公开政府信息，", 12));
        var lines = Lines($"<table><tr><td>信息公开指南</td><td>{prose}<br>{prose}<br>{prose}</td></tr></table>");

        lines.ShouldBe(["P 信息公开指南", "P " + prose, "P " + prose, "P " + prose]);
    }

    [Fact]
    public void Read_TableOfOneColumn_IsAFrameReadAsBlocks()
    {
        var lines = Lines("<table><tr><td>一、总体情况<br>本年度……</td></tr><tr><td>二、主动公开政府信息情况</td></tr></table>");

        lines.ShouldBe(["P 一、总体情况", "P 本年度……", "P 二、主动公开政府信息情况"]);
    }

    [Fact]
    public void Read_PageChrome_IsLeftOut()
    {
        var lines = Lines("""
            <script>var a = "一、总体情况";</script><style>p { color: red }</style>
            <nav>首页</nav><noscript>请启用脚本</noscript><div class="mainNav">政务公开</div><div class="crumbs">当前位置</div>
            <div style="display: none">隐藏</div><p hidden>隐藏</p><aside>相关文章</aside>
            <p>正文<span style="DISPLAY:NONE">7</span></p>
            <select><option>友情链接</option></select><button>搜索</button>
            <div class="bdsharebuttonbox">分享到</div><div id="footer">网站标识码</div>
            """);

        lines.ShouldBe(["P 正文"]);
    }

    [Fact]
    public void Read_ArticleInAWrapperNamedLikeChrome_IsKept()
    {
        var article = string.Concat(Enumerable.Repeat("本年度政府信息公开工作情况。", 150));

        var lines = Lines($"<div class=\"has-footer\"><p>{article}</p></div>");

        lines.ShouldBe(["P " + article]);
    }

    [Fact]
    public void Read_WordSourceLineBreaks_NoSpaceBetweenChineseCharacters()
    {
        var lines = Lines("<p class=MsoNormal><span>本年新收政府信息公开申\r\n  请数量</span><span lang=EN-US>2019\r\n</span><span>年<o:p></o:p></span></p>"
                          + "<!--[if gte mso 9]><xml><w:WordDocument>隐藏</w:WordDocument></xml><![endif]-->");

        lines.ShouldBe(["P 本年新收政府信息公开申请数量2019 年"]);
    }

    [Fact]
    public void Read_NbspRuns_AreSpacesThatDoNotCollapse()
    {
        var lines = Lines("<p>甲&nbsp;&nbsp; 乙  丙</p>");

        lines.ShouldBe(["P 甲   乙 丙"]);
    }

    [Fact]
    public void Read_MetaTags_BecomeMetadataLinesBeforeTheBody()
    {
        var lines = Lines("""
            <html><head>
            <meta name="ArticleTitle" content="某局2021年政府信息公开工作年度报告">
            <meta name="pubdate" content="2022-01-20 10:00"><meta name="ContentSource" content="某局办公室">
            </head><body><h1>某局2021年政府信息公开工作年度报告</h1></body></html>
            """);

        lines.ShouldBe(["R 信息来源|某局办公室", "R 发布日期|2022-01-20 10:00", "P 某局2021年政府信息公开工作年度报告"]);
    }

    [Fact]
    public void Read_MetaTitleNotPrinted_TitleLineFirst()
    {
        var lines = Lines("""<meta name="ArticleTitle" content="某局2021年政府信息公开工作年度报告"><p>一、总体情况</p>""");

        lines.ShouldBe(["P 某局2021年政府信息公开工作年度报告", "P 一、总体情况"]);
    }

    /// <summary>Each line as "P text" (paragraph) or "R a|b|c" (table row).</summary>
    private static List<string> Lines(string html) =>
        [.. HtmlSource.Read(html).Lines.Select(Show)];

    private static string Show(SourceLine line) => (line.IsRow ? "R " : "P ") + string.Join("|", line.Cells);
}
