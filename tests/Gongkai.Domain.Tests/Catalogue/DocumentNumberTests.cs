using Gongkai.Domain.Catalogue;

namespace Gongkai.Domain.Tests.Catalogue;

public class DocumentNumberTests
{
    [Theory]
    [InlineData("示府规〔2024〕3号")]
    [InlineData("示府规[2024]3号")]
    [InlineData("示府规【2024】3号")]
    [InlineData("示府规（2024）3号")]
    [InlineData("示府规(2024)第3号")]
    [InlineData(" 示府規〔２０２４〕３号 ")]
    public void Key_EveryWayOfWritingTheSameNumber_IsTheSame(string written) =>
        DocumentNumber.Key(written).ShouldBe("示府规[2024]3号");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("住房公积金")]
    [InlineData("3号")]
    public void Key_TextThatCannotBeANumber_Null(string? text) => DocumentNumber.Key(text).ShouldBeNull();

    [Fact]
    public void Key_DifferentNumbers_Differ() =>
        DocumentNumber.Key("示府规〔2024〕3号").ShouldNotBe(DocumentNumber.Key("示府规〔2024〕13号"));
}
