using Gongkai.Domain.Text;

namespace Gongkai.Domain.Tests;

public class ChineseTextTests
{
    [Theory]
    [InlineData("規範性檔案", "规范性文件")]
    [InlineData("規范性文件", "规范性文件")]
    [InlineData("屬於行政查詢事項", "属于行政查询事项")]
    [InlineData("結(jié)轉(zhuǎn)下年度繼續辦理", "结转下年度继续办理")]
    [InlineData("（二）部分公開（區分處理的，只計這一情形，不計其他情形）", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)")]
    [InlineData("本年新\u3000製作數量", "本年新制作数量")]
    [InlineData("１２３", "123")]
    [InlineData("政府資訊公開", "政府信息公开")]
    [InlineData("最佳化營商環境", "优化营商环境")]
    public void Normalize_PrintedForm_MatchesSimplifiedLabel(string printed, string expected) =>
        ChineseText.Normalize(printed).ShouldBe(expected);

    [Fact]
    public void ToSimplified_KeepsPunctuationAndSpaces() =>
        ChineseText.ToSimplified("深圳市龍崗區(qū) 2022年（報告）").ShouldBe("深圳市龙岗区 2022年（报告）");

    [Fact]
    public void StripAnnotations_KeepsCharactersAsPrinted() =>
        ChineseText.StripAnnotations("當(dāng)前位置 (a) 報告(2020)").ShouldBe("當前位置 (a) 報告(2020)");
}
