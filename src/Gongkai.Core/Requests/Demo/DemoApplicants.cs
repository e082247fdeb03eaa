using System.Globalization;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Requests.Demo;

/// <summary>
/// The people and organisations who apply in the demo region: fictitious names, identity numbers
/// of the fictional division 99 with valid check characters, phones of an unassigned 139 block.
/// </summary>
internal static class DemoApplicants
{
    private static readonly string[] People =
        ["王建国", "李秀英", "张伟", "刘芳", "陈静", "杨洋", "赵磊", "黄晓明", "周敏", "吴刚", "徐丽", "孙浩", "马红梅", "朱军", "胡婷婷", "郭强"];

    /// <summary>Each with the 登记管理部门 and 机构类别 of its 统一社会信用代码 (GB 32100), which fit its column of table 三.</summary>
    private static readonly (string Name, ApplicantType Type, string Representative, string Registration)[] Organisations =
    [
        ("示范市明达律师事务所", ApplicantType.LegalServiceProvider, "林志远", "31"),
        ("示范市绿源环保科技有限公司", ApplicantType.CommercialEnterprise, "郑海涛", "91"),
        ("示范大学城市发展研究院", ApplicantType.ResearchInstitution, "钱文博", "12"),
        ("示范市清源环境公益服务中心", ApplicantType.PublicInterestOrganization, "何晓燕", "52"),
        ("示范市明德区文昌社区居民委员会", ApplicantType.OtherOrganization, "曹建平", "54"),
        ("示范市安居置业有限公司", ApplicantType.CommercialEnterprise, "韩立新", "91"),
    ];

    public static RequestInput Person(int index, int agencyId, string description, DeliveryForm form)
    {
        var name = People[index % People.Length];
        var phone = string.Create(CultureInfo.InvariantCulture, $"1390999{index % People.Length:D4}");
        return new RequestInput
        {
            AgencyId = agencyId, ApplicantType = ApplicantType.NaturalPerson, ApplicantName = name,
            IdentityDocument = IdentityDocument.ResidentIdCard, IdentityNumber = IdNumber(index % People.Length),
            Phone = phone, Email = form == DeliveryForm.Email ? $"applicant{index % People.Length:D2}@example.com" : null,
            Address = "示范市明德区文昌路" + (index % People.Length + 10).ToString(CultureInfo.InvariantCulture) + "号",
            PostalCode = "999020", Description = description, DeliveryForm = form,
        };
    }

    public static RequestInput Organisation(int index, int agencyId, string description, DeliveryForm form)
    {
        var (name, type, representative, registration) = Organisations[index % Organisations.Length];
        return new RequestInput
        {
            AgencyId = agencyId, ApplicantType = type, ApplicantName = name,
            IdentityDocument = IdentityDocument.CreditCode, IdentityNumber = CreditCodeOf(registration, index % Organisations.Length),
            LegalRepresentative = representative, ContactName = "联络员" + representative[..1] + "先生",
            Phone = string.Create(CultureInfo.InvariantCulture, $"0999-8800{index % Organisations.Length:D4}"),
            Email = $"office{index % Organisations.Length:D2}@example.org",
            Address = "示范市临江区滨江大道" + (index % Organisations.Length + 300).ToString(CultureInfo.InvariantCulture) + "号",
            PostalCode = "999030", Description = description, DeliveryForm = form,
        };
    }

    /// <summary>GB 11643: division 990102, a birth date, a sequence and the MOD 11-2 check character.</summary>
    private static string IdNumber(int index)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"990102{1960 + index * 2:D4}{index % 12 + 1:D2}{index % 27 + 1:D2}{100 + index:D3}");
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (body[i] - '0') * weights[i];
        return body + "10X98765432"[sum % 11];
    }

    /// <summary>A 统一社会信用代码 of the registration authority and category given, in division 990100.</summary>
    private static string CreditCodeOf(string registration, int index) =>
        CreditCode.Complete(string.Create(CultureInfo.InvariantCulture, $"{registration}990100MA{index:D2}3K{index:D3}"));
}
