namespace Gongkai.Domain.Requests;

/// <summary>申请人类型, the six applicant columns of table 三 in their order.</summary>
public enum ApplicantType
{
    NaturalPerson,
    CommercialEnterprise,
    ResearchInstitution,
    PublicInterestOrganization,
    LegalServiceProvider,
    OtherOrganization,
}

public static class ApplicantTypes
{
    public static string Label(ApplicantType type) => type switch
    {
        ApplicantType.NaturalPerson => "自然人",
        ApplicantType.CommercialEnterprise => "商业企业",
        ApplicantType.ResearchInstitution => "科研机构",
        ApplicantType.PublicInterestOrganization => "社会公益组织",
        ApplicantType.LegalServiceProvider => "法律服务机构",
        ApplicantType.OtherOrganization => "其他组织",
    };

    /// <summary>The column of table 三 (0–5) this applicant is counted in.</summary>
    public static int Column(ApplicantType type) => (int)type;

    public static bool IsOrganization(ApplicantType type) => type != ApplicantType.NaturalPerson;
}

/// <summary>How the request reached the office; decides its receipt date (条例第三十一条).</summary>
public enum Channel
{
    /// <summary>当面提交: received the day it is handed in.</summary>
    InPerson,

    /// <summary>邮寄（挂号、快递）: received the day it is signed for.</summary>
    Post,

    /// <summary>平信: received the day the office confirms with the applicant.</summary>
    OrdinaryMail,

    /// <summary>互联网渠道: received the day both sides confirm.</summary>
    Online,

    /// <summary>本机关传真: received the day both sides confirm.</summary>
    Fax,
}

public static class Channels
{
    public static string Label(Channel channel) => channel switch
    {
        Channel.InPerson => "当面提交",
        Channel.Post => "邮寄",
        Channel.OrdinaryMail => "平信邮寄",
        Channel.Online => "互联网",
        Channel.Fax => "传真",
    };

    /// <summary>The receipt rule of 条例第三十一条 for the channel, as shown on the case page.</summary>
    public static string ReceiptRule(Channel channel) => channel switch
    {
        Channel.InPerson => "当面提交的，以提交之日为收到申请之日（条例第三十一条第一项）",
        Channel.Post => "邮寄的，以行政机关签收之日为收到申请之日（条例第三十一条第二项）",
        Channel.OrdinaryMail => "以平常信函等无需签收的方式邮寄的，以行政机关与申请人确认之日为收到申请之日（条例第三十一条第二项）",
        Channel.Online or Channel.Fax => "通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）",
    };
}

/// <summary>获取信息的方式 the applicant asks for (条例第二十九条).</summary>
public enum DeliveryForm
{
    Paper,
    Electronic,
    Email,
    Collect,
}

public static class DeliveryForms
{
    public static string Label(DeliveryForm form) => form switch
    {
        DeliveryForm.Paper => "纸质（邮寄）",
        DeliveryForm.Electronic => "电子数据（网上获取）",
        DeliveryForm.Email => "电子邮件",
        DeliveryForm.Collect => "当面领取",
    };
}
