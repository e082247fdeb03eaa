using Gongkai.Domain.Search;

namespace Gongkai.Domain.Tests.Search;

public class CjkBigramsTests
{
    [Theory]
    [InlineData("住房公积金", "住房 房公 公积 积金")]
    [InlineData("關於住房", "关于 于住 住房")]
    [InlineData("深府办〔2023〕12号 ABC", "深府 府办 2023 12 号 abc")]
    [InlineData("房", "房")]
    [InlineData("", "")]
    public void IndexText_BigramsInSimplified(string text, string tokens) =>
        CjkBigrams.IndexText(text).ShouldBe(tokens);

    [Fact]
    public void Query_TwoCharacterWordIsOneToken()
    {
        var phrase = CjkBigrams.Query("住房").ShouldHaveSingleItem();

        phrase.Tokens.ShouldBe(["住房"]);
        phrase.IsPrefix.ShouldBeFalse();
    }

    [Fact]
    public void Query_SingleCharacterIsAPrefix() => CjkBigrams.Query("房").Single().IsPrefix.ShouldBeTrue();

    [Fact]
    public void Query_MixedRunsArePhrases() =>
        CjkBigrams.Query("住房 2023").Select(p => string.Join(" ", p.Tokens)).ShouldBe(["住房", "2023"]);
}
