using Gongkai.Domain.Search;

namespace Gongkai.Domain.Tests.Search;

public class HighlightsTests
{
    private static string Render(IEnumerable<TextSegment> segments) =>
        string.Concat(segments.Select(s => s.Marked ? $"[{s.Text}]" : s.Text));

    [Fact]
    public void Mark_TraditionalTextForSimplifiedQuery_MarksTheOriginalCharacters() =>
        Render(Highlights.Mark("關於住房公積金的通知", CjkBigrams.Query("公积金"))).ShouldBe("關於住房[公積金]的通知");

    [Fact]
    public void Mark_EveryPhraseAndEveryOccurrence() =>
        Render(Highlights.Mark("住房保障和住房公积金", CjkBigrams.Query("住房 公积金"))).ShouldBe("[住房]保障和[住房公积金]");

    [Fact]
    public void Mark_LatinWordsOnlyWhole() =>
        Render(Highlights.Mark("PM2.5 and PM10, pm", CjkBigrams.Query("pm"))).ShouldBe("PM2.5 and PM10, [pm]");

    [Fact]
    public void Snippet_AroundTheFirstMatch_WithEllipses()
    {
        var text = new string('甲', 200) + "住房公积金" + new string('乙', 200);

        var snippet = Render(Highlights.Snippet(text, CjkBigrams.Query("公积金"), length: 40));

        snippet.ShouldStartWith("…");
        snippet.ShouldEndWith("…");
        snippet.ShouldContain("住房[公积金]");
        snippet.Length.ShouldBe(40 + 2 + 2);
    }

    [Fact]
    public void Snippet_NoMatch_OpeningOfTheText() =>
        Render(Highlights.Snippet("第一段。\n\n  第二段。", CjkBigrams.Query("住房"), length: 100)).ShouldBe("第一段。 第二段。");

    [Fact]
    public void Query_PhraseTextIsTheFoldedRun() =>
        CjkBigrams.Query("住房 ＡＢＣ").Select(p => p.Text).ShouldBe(["住房", "abc"]);
}
