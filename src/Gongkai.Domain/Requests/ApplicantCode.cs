namespace Gongkai.Domain.Requests;

/// <summary>
/// What an organisation's 统一社会信用代码 says about the column of table 三 it belongs in: the code's
/// first character is its 登记管理部门 and the second its 机构类别 (GB 32100-2015), e.g. 31 a 律师事务所
/// registered by 司法行政, 91 an enterprise registered by 工商 (市场监管), 53 a 基金会 registered by 民政.
/// </summary>
public sealed record ApplicantCodeHint(string Authority, ApplicantType Suggested, IReadOnlyList<ApplicantType> Plausible)
{
    /// <summary>Whether the chosen column fits the code; a column that does not asks the person entering it to confirm.</summary>
    public bool Fits(ApplicantType chosen) => Plausible.Contains(chosen);

    /// <summary>The question put when the chosen column does not fit.</summary>
    public string Question(ApplicantType chosen) =>
        $"统一社会信用代码表明该单位由{Authority}登记，通常按“{ApplicantTypes.Label(Suggested)}”统计；"
        + $"确需按“{ApplicantTypes.Label(chosen)}”统计的，请勾选确认。";
}

public static class ApplicantCode
{
    private const ApplicantType Commercial = ApplicantType.CommercialEnterprise;
    private const ApplicantType Research = ApplicantType.ResearchInstitution;
    private const ApplicantType PublicInterest = ApplicantType.PublicInterestOrganization;
    private const ApplicantType Legal = ApplicantType.LegalServiceProvider;
    private const ApplicantType Other = ApplicantType.OtherOrganization;

    /// <summary>The hint of a valid code's registration authority and category; null when the code says nothing useful (Y 其他, an unknown prefix).</summary>
    public static ApplicantCodeHint? Hint(string code)
    {
        if (code.Length < 2)
            return null;
        return (code[0], code[1]) switch
        {
            ('1', '1') => new("机构编制部门（机关）", Other, [Other]),
            ('1', '2') => new("机构编制部门（事业单位）", Other, [Research, PublicInterest, Other]),
            ('1', _) => new("机构编制部门", Other, [Research, PublicInterest, Other]),
            ('3', '1' or '2' or '3' or '4') => new("司法行政部门（律师事务所、公证处、基层法律服务所、司法鉴定机构）", Legal, [Legal]),
            ('3', _) => new("司法行政部门", Legal, [Legal, Other]),
            ('5', '3') => new("民政部门（基金会）", PublicInterest, [PublicInterest, Other]),
            ('5', _) => new("民政部门（社会团体、社会服务机构）", PublicInterest, [PublicInterest, Research, Legal, Other]),
            ('9', _) => new("市场监督管理（工商）部门", Commercial, [Commercial]),
            ('7' or '8', _) => new(code[0] == '7' ? "宗教事务部门" : "工会", Other, [PublicInterest, Other]),
            ('2' or '4' or '6' or 'A', _) => new("外交、文化、旅游或军队编制部门", Other, [Other]),
            ('N', _) => new("农业农村部门（农村集体经济组织）", Other, [Commercial, Other]),
            _ => null,
        };
    }
}
