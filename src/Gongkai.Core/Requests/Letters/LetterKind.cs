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

    /// <summary>征求意见单 to an internal department of the agency.</summary>
    InternalConsultation,

    /// <summary>说明理由通知书 (第三十五条): the applicant is asked to explain.</summary>
    ReasonsNotice,

    /// <summary>延迟答复告知书 (第三十五条): reasons found reasonable, a reasonable longer period set.</summary>
    DelayNotice,

    /// <summary>第三方告知书 (第三十二条): a third party told of a disclosure over its objection.</summary>
    ThirdPartyNotice,
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
        LetterKind.InternalConsultation => "征求意见单",
        LetterKind.ReasonsNotice => "说明理由通知书",
        LetterKind.DelayNotice => "延迟答复告知书",
        LetterKind.ThirdPartyNotice => "第三方告知书",
    };

    /// <summary>The letter a step issues to the applicant or the party it concerns, if any.</summary>
    public static LetterKind? For(RequestEvent e) => e switch
    {
        Received => LetterKind.Acknowledgement,
        CorrectionRequested => LetterKind.CorrectionNotice,
        ConsultationStarted { Kind: ConsultationKind.ThirdParty } => LetterKind.ThirdPartyConsultation,
        ConsultationStarted { Kind: ConsultationKind.OtherAgency } => LetterKind.AgencyConsultation,
        ConsultationStarted => LetterKind.InternalConsultation,
        Extended => LetterKind.ExtensionNotice,
        FeeNotified => LetterKind.FeeNotice,
        ReasonsRequested => LetterKind.ReasonsNotice,
        ReasonsReceived { WorkingDays: not null } => LetterKind.DelayNotice,
        Decided => LetterKind.Reply,
        _ => null,
    };

    /// <summary>
    /// Every letter a step issues, with its addressee when not the applicant: the step's own letter,
    /// and with a disclosure over a third party's objection, a 第三方告知书 to each such party.
    /// </summary>
    public static IReadOnlyList<(LetterKind Kind, string? Party)> All(RequestEvent e, RequestClock clockAfter)
    {
        var list = new List<(LetterKind, string?)>();
        if (For(e) is { } kind)
            list.Add((kind, e is ConsultationStarted s ? s.Party : null));
        if (e is Decided)
            list.AddRange(clockAfter.ThirdPartiesToNotify.Select(p => (LetterKind.ThirdPartyNotice, (string?)p)));
        return list;
    }

    /// <summary>Letters an agency with the sign-off chain drafts and signs off; the 登记回执 goes out with the receipt.</summary>
    public static bool IsSignedOff(LetterKind kind) => kind != LetterKind.Acknowledgement;

    public static bool ForApplicant(LetterKind kind) =>
        kind is not (LetterKind.ThirdPartyConsultation or LetterKind.AgencyConsultation or LetterKind.InternalConsultation or LetterKind.ThirdPartyNotice);
}
