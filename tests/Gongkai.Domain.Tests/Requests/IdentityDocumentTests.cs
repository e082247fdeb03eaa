using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Requests;

public class IdentityDocumentTests
{
    [Theory]
    [InlineData("11010519491231002X", true)]  // GB 11643's own example
    [InlineData("11010519491231002x", true)]
    [InlineData("110105194912310021", false)] // wrong check character
    [InlineData("11010519491231002", false)]
    [InlineData("1101051949123100AX", false)]
    public void IsResidentIdNumber_ChecksTheCheckCharacter(string number, bool valid) =>
        IdentityDocuments.IsResidentIdNumber(number).ShouldBe(valid);

    [Theory]
    [InlineData(IdentityDocument.ResidentIdCard, "110105194912310021", "校验位")]
    [InlineData(IdentityDocument.CreditCode, "91350100M000100Y4A", "统一社会信用代码")]
    [InlineData(IdentityDocument.Passport, "E12", "5至50")]
    [InlineData(IdentityDocument.Passport, "E12345678", null)]
    public void Problem_NamesWhatIsWrong(IdentityDocument document, string number, string? problem)
    {
        var found = IdentityDocuments.Problem(document, number);
        if (problem is null) found.ShouldBeNull();
        else found!.ShouldContain(problem);
    }

    [Fact]
    public void For_OrganisationsUseTheirCreditCode() =>
        IdentityDocuments.For(ApplicantType.CommercialEnterprise)[0].ShouldBe(IdentityDocument.CreditCode);
}
