using Gongkai.Reports.Formats.Pdf;

namespace Gongkai.Reports.Tests.Pdf;

/// <summary>Paragraphs rebuilt from lines, whatever blocks poppler put them in.</summary>
public class ParagraphsTests
{
    private const double PageWidth = 600;

    [Fact]
    public void Build_TitleOnTwoCentredLines_OneParagraph()
    {
        List<PdfLine> lines =
        [
            Line(0, "某某市某某局", 240, 80, 20),
            Line(1, "2021年政府信息公开工作年度报告", 138, 106, 20),
            Line(2, "一、总体情况", 60, 150, 12),
            Line(3, "本机关全年主动公开政府信息。", 60, 170, 12),
            Line(4, "二、主动公开政府信息情况", 60, 190, 12),
        ];

        Paragraphs.Build(lines, PageWidth, new TextArea(60, 540)).Select(p => p.Text).ShouldBe(
            ["某某市某某局2021年政府信息公开工作年度报告", "一、总体情况", "本机关全年主动公开政府信息。", "二、主动公开政府信息情况"]);
    }

    [Fact]
    public void Build_ShortLastLineAndIndent_StartNewParagraphs()
    {
        List<PdfLine> lines =
        [
            Line(0, new string('甲', 40), 84, 100, 12),
            Line(1, new string('乙', 42), 60, 118, 12),
            Line(2, "丙丙丙。", 60, 136, 12),
            Line(3, new string('丁', 40), 84, 154, 12),
            Line(4, "戊戊。", 60, 172, 12),
        ];

        var paragraphs = Paragraphs.Build(lines, PageWidth, new TextArea(60, 564));

        paragraphs.Select(p => p.Text).ShouldBe([new string('甲', 40) + new string('乙', 42) + "丙丙丙。", new string('丁', 40) + "戊戊。"]);
        paragraphs[0].Indented.ShouldBeTrue();
        paragraphs[1].RunsOn.ShouldBeFalse();
    }

    [Fact]
    public void Build_OneSentenceParagraphsAtTheIndent_EachItsOwn()
    {
        // Nearly full lines, all at the first-line indent: on this page no line starts at the
        // left edge, which only the text area of the whole document shows.
        List<PdfLine> lines =
        [
            Line(0, "一、总体情况", 84, 100, 12),
            Line(1, new string('甲', 38) + "。", 84, 118, 12),
            Line(2, new string('乙', 38) + "。", 84, 136, 12),
            Line(3, "丙丙。", 84, 154, 12),
        ];

        var paragraphs = Paragraphs.Build(lines, PageWidth, new TextArea(60, 564));

        paragraphs.Select(p => p.Text).ShouldBe(["一、总体情况", new string('甲', 38) + "。", new string('乙', 38) + "。", "丙丙。"]);
        paragraphs.ShouldAllBe(p => p.Indented);
    }

    [Fact]
    public void Build_QuoteMarksInAShortWord_SameSizeAsTheLine()
    {
        // Word boxes of CJK fonts are taller than the type: the size comes from the width. 码“三码关联”
        // is wider than its count of full-width characters says (its quote marks are printed full
        // width): taken alone it would look like a larger type and end the paragraph.
        var quoted = new PdfWord("码“三码关联”", new Box(60, 112, 150, 142));
        var rest = new PdfWord("。注重共享平台建设" + new string('乙', 26), new Box(146, 112, 564, 142));
        List<PdfLine> lines =
        [
            Line(0, new string('甲', 40), 84, 100, 12),
            new PdfLine(1, quoted.Box.Union(rest.Box), [quoted, rest]),
            Line(2, "丙丙丙。", 60, 136, 12),
        ];

        var paragraphs = Paragraphs.Build(lines, PageWidth, new TextArea(60, 564));

        paragraphs.ShouldHaveSingleItem().Text.ShouldBe(new string('甲', 40) + "码“三码关联”。注重共享平台建设" + new string('乙', 26) + "丙丙丙。");
    }

    private static PdfLine Line(int id, string text, double x, double y, double size)
    {
        var box = new Box(x, y, x + text.Length * size, y + size);
        return new PdfLine(id, box, [new PdfWord(text, box)]);
    }
}
