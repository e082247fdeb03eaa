using Gongkai.Domain.Agencies;

namespace Gongkai.Domain.Requests;

/// <summary>身份证明 (条例第二十九条): the document an applicant proves who they are with.</summary>
public enum IdentityDocument
{
    /// <summary>居民身份证</summary>
    ResidentIdCard,

    /// <summary>护照</summary>
    Passport,

    /// <summary>港澳居民来往内地通行证</summary>
    HongKongMacaoPermit,

    /// <summary>台湾居民来往大陆通行证</summary>
    TaiwanPermit,

    /// <summary>外国人永久居留身份证</summary>
    PermanentResidenceCard,

    /// <summary>统一社会信用代码 (legal persons and other organisations)</summary>
    CreditCode,

    /// <summary>其他有效证件</summary>
    Other,
}

public static class IdentityDocuments
{
    public static string Label(IdentityDocument document) => document switch
    {
        IdentityDocument.ResidentIdCard => "居民身份证",
        IdentityDocument.Passport => "护照",
        IdentityDocument.HongKongMacaoPermit => "港澳居民来往内地通行证",
        IdentityDocument.TaiwanPermit => "台湾居民来往大陆通行证",
        IdentityDocument.PermanentResidenceCard => "外国人永久居留身份证",
        IdentityDocument.CreditCode => "统一社会信用代码",
        IdentityDocument.Other => "其他有效证件",
    };

    /// <summary>The documents an applicant of this type may give.</summary>
    public static IReadOnlyList<IdentityDocument> For(ApplicantType type) => ApplicantTypes.IsOrganization(type)
        ? [IdentityDocument.CreditCode, IdentityDocument.Other]
        : [IdentityDocument.ResidentIdCard, IdentityDocument.Passport, IdentityDocument.HongKongMacaoPermit,
            IdentityDocument.TaiwanPermit, IdentityDocument.PermanentResidenceCard, IdentityDocument.Other];

    /// <summary>Why the number is not one of this document, or null. Only numbers with a check character are checked beyond their length.</summary>
    public static string? Problem(IdentityDocument document, string number) => document switch
    {
        IdentityDocument.ResidentIdCard when !IsResidentIdNumber(number) => "居民身份证号码应为18位，且校验位正确。",
        IdentityDocument.CreditCode when !CreditCode.IsValid(number) => "统一社会信用代码应为18位，且校验位正确。",
        _ when number.Length is < 5 or > 50 => "证件号码应为5至50个字符。",
        _ => null,
    };

    /// <summary>GB 11643: 17 digits and an ISO 7064 MOD 11-2 check character (0–9 or X).</summary>
    public static bool IsResidentIdNumber(string number)
    {
        if (number.Length != 18 || !number[..17].All(char.IsAsciiDigit))
            return false;
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (number[i] - '0') * weights[i];
        return "10X98765432"[sum % 11] == char.ToUpperInvariant(number[17]);
    }
}
