using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Requests;

public class DuplicatesTests
{
    [Theory]
    [InlineData("请公开2025年度示范市明德路改造工程的立项批复文件", "请公开 2025 年度示范市明德路改造工程的立项批复文件。", true)]     // spacing, punctuation
    [InlineData("请公开2025年度示范市明德路改造工程的立项批复文件", "請公開2025年度示範市明德路改造工程的立項批復文件", true)]          // Traditional characters
    [InlineData("请公开2025年度示范市明德路改造工程的立项批复文件", "申请公开示范市明德路改造工程2025年度立项批复", true)]              // reworded
    [InlineData("请公开2025年度示范市明德路改造工程的立项批复文件", "请公开2025年度示范市财政预算执行情况报告", false)]
    [InlineData("请公开2025年度示范市明德路改造工程的立项批复文件", "", false)]
    public void AreSimilar_SameInformationInOtherWords(string a, string b, bool similar) =>
        Duplicates.AreSimilar(a, b).ShouldBe(similar, $"similarity {Duplicates.Similarity(a, b)}");

    [Theory]
    [InlineData("11010119900307451x", "11010119900307451X")]
    [InlineData(" 1101 0119 9003 0745 1X ", "11010119900307451X")]
    [InlineData("１１０１０１１９９００３０７４５１Ｘ", "11010119900307451X")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void IdentityKey_FoldsWhatPeopleType(string? typed, string? key) => Duplicates.IdentityKey(typed).ShouldBe(key);

    [Fact]
    public void ContactKey_IgnoresSpacesAndPhoneSeparators() =>
        Duplicates.ContactKey("张 三", "138-0000-0000").ShouldBe(Duplicates.ContactKey("张三", "13800000000"));
}
