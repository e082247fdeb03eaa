using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Requests;

public sealed class TrackingCodeTests
{
    [Fact]
    public void Generate_ManyCodes_AllParseBackAndAreDistinct()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => TrackingCode.Generate()).ToList();

        codes.ShouldAllBe(c => c.Length == 14 && c[4] == '-' && c[9] == '-');
        foreach (var code in codes)
        {
            TrackingCode.TryParse(code, out var parsed).ShouldBeTrue(code);
            parsed.ShouldBe(code);
        }
        codes.Distinct().Count().ShouldBe(codes.Count);
    }

    [Fact]
    public void TryParse_AsPeopleTypeIt_Accepted()
    {
        var code = TrackingCode.Generate();
        var typed = " " + code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) + " ";
        var fullWidth = new string(code.Select(c => c == '-' ? '－' : (char)(c + 0xFEE0)).ToArray());

        TrackingCode.TryParse(typed, out var fromTyped).ShouldBeTrue();
        fromTyped.ShouldBe(code);
        TrackingCode.TryParse(fullWidth, out var fromFullWidth).ShouldBeTrue();
        fromFullWidth.ShouldBe(code);
    }

    [Fact]
    public void TryParse_AnySingleCharacterChangedOrNeighboursSwapped_Refused()
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        var code = TrackingCode.Generate().Replace("-", "", StringComparison.Ordinal);
        for (var i = 0; i < code.Length; i++)
        {
            foreach (var c in alphabet.Where(c => c != code[i]))
                TrackingCode.TryParse(code[..i] + c + code[(i + 1)..], out _).ShouldBeFalse();
            if (i + 1 < code.Length && code[i] != code[i + 1])
                TrackingCode.TryParse(code[..i] + code[i + 1] + code[i] + code[(i + 2)..], out _).ShouldBeFalse();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCD-EFGH-JKL")]
    [InlineData("ABCD-EFGH-JKLMN")]
    [InlineData("ABCD-EFGH-JKL0")]
    [InlineData("ABCD-EFGH-JKLI")]
    public void TryParse_WrongShape_Refused(string input) => TrackingCode.TryParse(input, out _).ShouldBeFalse();
}
