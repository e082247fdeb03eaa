using Gongkai.Domain.Requests;

namespace Gongkai.Core.Requests.Letters;

/// <summary>The letters a request's steps produce.</summary>
public enum LetterKind
{
    /// <summary>政府信息公开申请登记回执, with the receipt date and the answer's due date.</summary>
    Acknowledgement,

    /// <summary>补正告知书 (条例第三十条).</summary>
    CorrectionNotice,

    /// <summary>征求第三方意见书 (第三十二条), to the third party.</summary>
    ThirdPartyConsultation,

    /// <summary>征求意见函 (第三十四条), to the other agency.</summary>
    AgencyConsultation,

    /// <summary>延期答复告知书 (第三十三条第二款).</summary>
    ExtensionNotice,

    /// <summary>信息处理费缴费通知书 (国办函〔2020〕109号).</summary>
    FeeNotice,

    /// <summary>答复书 / 告知书 of the decision, one template per outcome.</summary>
    Reply,
}

public static class LetterKinds
{
    public static string Label(LetterKind kind) => kind switch
    {
        LetterKind.Acknowledgement => "登记回执",
        LetterKind.CorrectionNotice => "补正告知书",
        LetterKind.ThirdPartyConsultation => "征求第三方意见书",
        LetterKind.AgencyConsultation => "征求意见函",
        LetterKind.ExtensionNotice => "延期答复告知书",
        LetterKind.FeeNotice => "收费通知书",
        LetterKind.Reply => "答复书",
    };

    /// <summary>The letter a step issues, if any.</summary>
    public static LetterKind? For(RequestEvent e) => e switch
    {
        Received => LetterKind.Acknowledgement,
        CorrectionRequested => LetterKind.CorrectionNotice,
        ConsultationStarted { Kind: ConsultationKind.ThirdParty } => LetterKind.ThirdPartyConsultation,
        ConsultationStarted => LetterKind.AgencyConsultation,
        Extended => LetterKind.ExtensionNotice,
        FeeNotified => LetterKind.FeeNotice,
        Decided => LetterKind.Reply,
        _ => null,
    };

    /// <summary>Letters an agency with the sign-off chain drafts and signs off; the 登记回执 goes out with the receipt.</summary>
    public static bool IsSignedOff(LetterKind kind) => kind != LetterKind.Acknowledgement;

    public static bool ForApplicant(LetterKind kind) => kind is not (LetterKind.ThirdPartyConsultation or LetterKind.AgencyConsultation);
}
