using Gongkai.Domain.Letters;

namespace Gongkai.Domain.Tests.Letters;

public sealed class LetterNumberTests
{
    [Theory]
    [InlineData("示府办依复", 2026, 12, "示府办依复〔2026〕12号")]
    [InlineData("示自然资依补", 2027, 1, "示自然资依补〔2027〕1号")]
    public void Format_PrefixYearInHexagonalBracketsNumberAndHao(string prefix, int year, int serial, string number) =>
        LetterNumber.Format(prefix, year, serial).ShouldBe(number);

    [Theory]
    [InlineData("示府办依复", null)]
    [InlineData("GZ府办2", null)]
    [InlineData("示", "文号前缀应为2至20个字，如“示府办依复”。")]
    [InlineData("示府办依复〔2026〕", "文号前缀只能由汉字、字母和数字组成；年份、六角括号〔〕和“号”由系统添加。")]
    [InlineData("示府办 依复", "文号前缀只能由汉字、字母和数字组成；年份、六角括号〔〕和“号”由系统添加。")]
    [InlineData("示府办依复号", "文号前缀不要以“号”结尾；年份、六角括号〔〕和“号”由系统添加。")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一", "文号前缀应为2至20个字，如“示府办依复”。")]
    public void PrefixRefusal_ChineseLettersAndDigitsOnly(string prefix, string? refusal) =>
        LetterNumber.PrefixRefusal(prefix).ShouldBe(refusal);
}
