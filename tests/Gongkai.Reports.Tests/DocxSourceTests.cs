using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Reports.Formats;
using Gongkai.Reports.Reading;
using W = Gongkai.Reports.Tests.WordFixture;

namespace Gongkai.Reports.Tests;

/// <summary>What the DOCX reader takes from a paragraph or a table, line by line.</summary>
public class DocxSourceTests
{
    [Fact]
    public void Read_TrackedChanges_KeepsInsertionsDropsDeletions()
    {
        var lines = Read(W.P(W.R("共收到申请"), W.Del("24"), W.Ins("25"), W.R("件")));

        Texts(lines).ShouldBe(["共收到申请25件"]);
    }

    [Fact]
    public void Read_FieldsAndHiddenText_ShowsOnlyWhatWordDisplays()
    {
        var hidden = new Run(new RunProperties(new Vanish()), new Text("内部备注"));

        var lines = Read(W.P([W.R("详见"), .. W.Field(" HYPERLINK \"http://www.lg.gov.cn\" ", "龙岗政府在线"), hidden, W.R("。")]));

        Texts(lines).ShouldBe(["详见龙岗政府在线。"]);
    }

    [Fact]
    public void Read_TabsAndRuby_TabIsSpaceAndPinyinDropped()
    {
        var ruby = new Ruby(new RubyContent(W.R("dāng")), new RubyBase(W.R("当")));

        var lines = Read(W.P(W.R("规章"), new Run(new TabChar()), W.R("0 "), new Run(ruby), W.R("前")));

        Texts(lines).ShouldBe(["规章 0 当前"]);
    }

    [Fact]
    public void Read_TextOutsideARun_StillRead()
    {
        var lines = Read(W.P(W.R("本年度"), new Text("新收申请"), W.R("552件")));

        Texts(lines).ShouldBe(["本年度新收申请552件"]);
    }

    [Theory]
    [InlineData("深圳市龙岗区|2022年政府信息公开工作年度报告", "深圳市龙岗区2022年政府信息公开工作年度报告")]
    [InlineData("一、总体情况|2022年，本区深入推进政务公开。", "一、总体情况", "2022年，本区深入推进政务公开。")]
    [InlineData("本年度新收申请552件。|上年结转10件。", "本年度新收申请552件。", "上年结转10件。")]
    [InlineData("主要做法如下|（一）加强组织领导", "主要做法如下", "（一）加强组织领导")]
    [InlineData("Open Government|Information", "Open Government Information")]
    public void Read_SoftLineBreaks_SplitOnlyBetweenSentencesAndHeadings(string parts, params string[] expected)
    {
        var runs = parts.Split('|').SelectMany((p, i) => i == 0 ? [W.R(p)] : new Run[] { new(new Break()), W.R(p) });

        Texts(Read(W.P([.. runs]))).ShouldBe(expected);
    }

    [Fact]
    public void Read_PageBreak_SplitsAndMarksBothSides()
    {
        var lines = Read(W.P(W.R("正文最后一句"), new Run(new Break { Type = BreakValues.Page }), W.R("3")), W.P("下一页正文"));

        lines.Select(l => (l.Cells[0], l.NearPageBreak)).ShouldBe([("正文最后一句", true), ("3", true), ("下一页正文", false)]);
    }

    [Fact]
    public void Read_ContentControls_IncludedButTableOfContentsSkipped()
    {
        var lines = Read(
            W.Control(tableOfContents: true, W.P("目录"), W.P("一、总体情况 1")),
            W.Control(tableOfContents: false, W.P("一、总体情况")),
            W.P(new SdtRun(new SdtContentRun(W.R("2022年"))), W.R("本区深入推进政务公开。")));

        Texts(lines).ShouldBe(["一、总体情况", "2022年本区深入推进政务公开。"]);
    }

    [Fact]
    public void Read_MergedCells_EachPhysicalCellOnceWithItsLocation()
    {
        var lines = Read(
            W.P("说明"),
            W.Table(
                W.Row(W.C("类别", 2), W.C("数量")),
                W.Row(W.Top("不予公开"), W.C("国家秘密"), W.F("1")),
                W.Row(W.Under(), W.C("第三方"), W.F("_"))));

        lines.Select(l => (string.Join("|", l.Cells), l.Location, l.IsRow)).ShouldBe(
        [
            ("说明", "第1段", false),
            ("类别|数量", "第1个表格第1行", true),
            ("不予公开|国家秘密|1", "第1个表格第2行", true),
            ("第三方|", "第1个表格第3行", true),
        ]);
    }

    [Fact]
    public void Read_CellWithSeveralParagraphs_JoinedWithASpace()
    {
        var cell = W.Holding(W.P("（二）部分公开"), W.P("（区分处理的，只计这一情形）"));

        var lines = Read(W.Table(W.Row(cell, W.F("36"))));

        lines.ShouldHaveSingleItem().Cells.ShouldBe(["（二）部分公开 （区分处理的，只计这一情形）", "36"]);
    }

    [Fact]
    public void Read_NestedTable_ContainerCellReadAsBody()
    {
        var nested = W.Table(W.Row(W.C("规章"), W.F("0 0 3")));

        var lines = Read(W.Table(W.Row(W.C("附表"), W.Holding(W.P("单位：件"), nested), W.C("备注"))));

        lines.Select(l => (string.Join("|", l.Cells), l.Location)).ShouldBe(
        [
            ("附表", "第1个表格第1行"),
            ("单位：件", "第1段"),
            ("规章|0|0|3", "第2个表格第1行"),
            ("备注", "第1个表格第1行"),
        ]);
    }

    [Fact]
    public void Read_ListNumbering_RenderedWithLevelsRestartsAndStyles()
    {
        var bytes = new WordFixture()
            .List(0, ("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))
            .List(1, ("ideographDigital", "第%1章"))
            .Num(1, 0).Num(2, 1).Num(3, 1, restart: true)
            .Style("10", "heading 1", numId: 2)
            .Add(
                W.P("总体情况", numId: 1),
                W.P("主动公开", numId: 1, level: 1),
                W.P("依申请公开", numId: 1, level: 1),
                W.P("受理情况", numId: 1, level: 2),
                W.P("主动公开政府信息情况", numId: 1),
                W.P("平台建设", numId: 1, level: 1),
                W.P("概述", style: "10"),
                W.P("附则", style: "10"),
                W.P("重新编号", numId: 3))
            .Build();

        Texts(DocxSource.Read(bytes).Lines).ShouldBe(
        [
            "一、总体情况", "（一）主动公开", "（二）依申请公开", "1.受理情况",
            "二、主动公开政府信息情况", "（一）平台建设", "第一章 概述", "第二章 附则", "第一章 重新编号",
        ]);
    }

    [Theory]
    [InlineData(1, "chineseCounting", "一")]
    [InlineData(10, "chineseCounting", "十")]
    [InlineData(11, "chineseCountingThousand", "十一")]
    [InlineData(20, "chineseCounting", "二十")]
    [InlineData(101, "chineseCountingThousand", "一百零一")]
    [InlineData(1010, "chineseCountingThousand", "一千零一十")]
    [InlineData(10, "ideographDigital", "一〇")]
    [InlineData(3, "chineseLegalSimplified", "叁")]
    [InlineData(12, "chineseLegalSimplified", "壹拾贰")]
    [InlineData(3, "decimalEnclosedCircleChinese", "③")]
    [InlineData(2, "ideographTraditional", "乙")]
    [InlineData(7, "decimalZero", "07")]
    [InlineData(4, "upperRoman", "IV")]
    [InlineData(27, "lowerLetter", "aa")]
    [InlineData(5, "bullet", "")]
    [InlineData(5, "someFutureFormat", "5")]
    public void Format_ListCounter_AsWordPrintsIt(int n, string format, string expected) =>
        ListNumberFormat.Format(n, format).ShouldBe(expected);

    private static List<SourceLine> Read(params DocumentFormat.OpenXml.OpenXmlElement[] blocks) =>
        DocxSource.Read(new WordFixture().Add(blocks).Build()).Lines;

    private static List<string> Texts(IEnumerable<SourceLine> lines) => [.. lines.Select(l => l.Cells[0])];
}
