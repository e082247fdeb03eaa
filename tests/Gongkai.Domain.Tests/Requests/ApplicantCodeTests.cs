using Gongkai.Domain.Agencies;
using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Requests;

/// <summary>
/// Issue 14 row 7: the 统一社会信用代码's registration authority (its first character) and category (second)
/// suggest the column of table 三; a column that does not fit asks the person entering it to confirm.
/// </summary>
public class ApplicantCodeTests
{
    private static string Code(string prefix) => CreditCode.Complete(prefix + "990100MA003K000");

    [Theory]
    [InlineData("31", ApplicantType.LegalServiceProvider, ApplicantType.LegalServiceProvider, true)]   // 律师事务所, 司法行政
    [InlineData("31", ApplicantType.CommercialEnterprise, ApplicantType.LegalServiceProvider, false)]
    [InlineData("32", ApplicantType.LegalServiceProvider, ApplicantType.LegalServiceProvider, true)]   // 公证处
    [InlineData("91", ApplicantType.CommercialEnterprise, ApplicantType.CommercialEnterprise, true)]   // 企业, 工商
    [InlineData("92", ApplicantType.CommercialEnterprise, ApplicantType.CommercialEnterprise, true)]   // 个体工商户
    [InlineData("91", ApplicantType.LegalServiceProvider, ApplicantType.CommercialEnterprise, false)]
    [InlineData("53", ApplicantType.PublicInterestOrganization, ApplicantType.PublicInterestOrganization, true)] // 基金会, 民政
    [InlineData("52", ApplicantType.ResearchInstitution, ApplicantType.PublicInterestOrganization, true)]        // 民办非企业（研究院）
    [InlineData("53", ApplicantType.CommercialEnterprise, ApplicantType.PublicInterestOrganization, false)]
    [InlineData("12", ApplicantType.ResearchInstitution, ApplicantType.OtherOrganization, true)]                 // 事业单位, 机构编制
    [InlineData("11", ApplicantType.CommercialEnterprise, ApplicantType.OtherOrganization, false)]               // 机关
    [InlineData("N2", ApplicantType.OtherOrganization, ApplicantType.OtherOrganization, true)]                   // 村级集体经济组织
    public void Hint_RegistrationAuthorityPrefix_SuggestsTheColumn(string prefix, ApplicantType chosen, ApplicantType suggested, bool fits)
    {
        var hint = ApplicantCode.Hint(Code(prefix))!;

        hint.Suggested.ShouldBe(suggested);
        hint.Fits(chosen).ShouldBe(fits);
    }

    [Fact]
    public void Hint_LawFirmAsCommercialEnterprise_AsksForConfirmation() =>
        ApplicantCode.Hint(Code("31"))!.Question(ApplicantType.CommercialEnterprise).ShouldBe(
            "统一社会信用代码表明该单位由司法行政部门（律师事务所、公证处、基层法律服务所、司法鉴定机构）登记，通常按“法律服务机构”统计；确需按“商业企业”统计的，请勾选确认。");

    [Fact]
    public void Hint_OtherRegistration_SaysNothing() => ApplicantCode.Hint(Code("Y1")).ShouldBeNull();
}
