using System.Net.Mail;
using Gongkai.Core.Accounts;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Requests;

/// <summary>The checks on an application, with messages that say how to put it right.</summary>
public static class RequestValidation
{
    public const int MaxUploads = 5;

    public static List<FieldError> Check(RequestInput input)
    {
        var errors = new List<FieldError>();
        var organisation = ApplicantTypes.IsOrganization(input.ApplicantType);
        if (!Enum.IsDefined(input.ApplicantType))
            errors.Add(new(nameof(input.ApplicantType), "请选择申请人类型。"));
        Require(errors, nameof(input.ApplicantName), input.ApplicantName, organisation ? "单位名称" : "申请人姓名", 200);
        if (!Enum.IsDefined(input.IdentityDocument) || !IdentityDocuments.For(input.ApplicantType).Contains(input.IdentityDocument))
            errors.Add(new(nameof(input.IdentityDocument), organisation ? "法人或者其他组织请选择统一社会信用代码或其他有效证件。" : "请选择身份证件类型。"));
        else if (input.IdentityNumber.Length == 0)
            errors.Add(new(nameof(input.IdentityNumber), organisation ? "请填写统一社会信用代码或证件号码。" : "请填写身份证件号码。"));
        else if (IdentityDocuments.Problem(input.IdentityDocument, input.IdentityNumber) is { } problem)
            errors.Add(new(nameof(input.IdentityNumber), problem));
        else if (input.IdentityDocument == IdentityDocument.CreditCode && ApplicantCode.Hint(input.IdentityNumber) is { } hint
                 && !hint.Fits(input.ApplicantType) && !input.ApplicantTypeConfirmed)
            errors.Add(new(nameof(input.ApplicantType), hint.Question(input.ApplicantType)));
        if (organisation)
        {
            Require(errors, nameof(input.LegalRepresentative), input.LegalRepresentative ?? "", "法定代表人或者主要负责人", 100);
            Require(errors, nameof(input.ContactName), input.ContactName ?? "", "联系人", 100);
        }
        if (input.Phone.Length == 0)
            errors.Add(new(nameof(input.Phone), "请填写联系电话。"));
        else if (!PhoneNumbers.IsPlausible(input.Phone))
            errors.Add(new(nameof(input.Phone), "联系电话格式不正确（手机号11位，固定电话可带区号和分机号）。"));
        if (input.Email is { } email && !MailAddress.TryCreate(email, out _))
            errors.Add(new(nameof(input.Email), "电子邮箱格式不正确。"));
        if (input.PostalCode is { } postal && (postal.Length != 6 || !postal.All(char.IsAsciiDigit)))
            errors.Add(new(nameof(input.PostalCode), "邮政编码应为6位数字。"));
        if (input.Address is { Length: > 300 })
            errors.Add(new(nameof(input.Address), "通信地址不能超过300个字。"));
        if (input.Description.Length < 5)
            errors.Add(new(nameof(input.Description), "请写明所需政府信息的名称、文号或者便于查询的其他特征性描述（至少5个字）。"));
        else if (input.Description.Length > 5000)
            errors.Add(new(nameof(input.Description), "所需信息的描述不能超过5000个字。"));
        if (input.DocumentReference is { Length: > 500 })
            errors.Add(new(nameof(input.DocumentReference), "文件名称或文号不能超过500个字。"));
        if (input.Purpose is { Length: > 500 })
            errors.Add(new(nameof(input.Purpose), "用途说明不能超过500个字。"));
        switch (input.DeliveryForm)
        {
            case DeliveryForm.Paper when input.Address is null:
                errors.Add(new(nameof(input.Address), "选择邮寄纸质件的，请填写通信地址。"));
                break;
            case DeliveryForm.Email when input.Email is null:
                errors.Add(new(nameof(input.Email), "选择电子邮件获取的，请填写电子邮箱。"));
                break;
            case DeliveryForm.Paper or DeliveryForm.Electronic or DeliveryForm.Email or DeliveryForm.Collect:
                break;
            default:
                errors.Add(new(nameof(input.DeliveryForm), "请选择获取信息的方式。"));
                break;
        }
        return errors;
    }

    private static void Require(List<FieldError> errors, string field, string value, string label, int max)
    {
        if (value.Length == 0)
            errors.Add(new(field, $"请填写{label}。"));
        else if (value.Length > max)
            errors.Add(new(field, $"{label}不能超过{max}个字。"));
    }
}
