using Gongkai.Domain.Catalogue;

namespace Gongkai.Domain.Tests.Catalogue;

public class WordCheckerTests
{
    private static readonly WordChecker Checker = new(
    [
        new("截止目前", WordKind.Wrong, "截至目前", WordAction.Warn),
        new("截止", WordKind.Wrong, "截至", WordAction.Warn),
        new("既使", WordKind.Wrong, "即使", WordAction.Warn),
        new("一股作气", WordKind.Wrong, "一鼓作气", WordAction.Block),
        new("某敏感词", WordKind.Sensitive, null, WordAction.Block),
        new("敏感", WordKind.Sensitive, null, WordAction.Warn),
    ]);

    [Fact]
    public void Find_WrongWordWithCorrection()
    {
        var match = Checker.Find("全区截止目前共受理申请552件。").ShouldHaveSingleItem();

        (match.Index, match.Length, match.Entry.Correction).ShouldBe((2, 4, "截至目前"));
    }

    [Fact]
    public void Find_LongestMatchWinsWithoutOverlap()
    {
        var matches = Checker.Find("这是某敏感词，还有敏感和截止。");

        matches.Select(m => m.Entry.Word).ShouldBe(["某敏感词", "敏感", "截止"]);
    }

    [Fact]
    public void Find_EveryOccurrence()
    {
        Checker.Find("既使一股作气，既使如此").Select(m => m.Index).ShouldBe([0, 2, 7]);
    }

    [Fact]
    public void Find_NothingInCleanText() => Checker.Find("依法做好政府信息公开工作。").ShouldBeEmpty();
}
