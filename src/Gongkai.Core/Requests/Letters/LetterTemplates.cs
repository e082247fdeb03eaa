using Gongkai.Domain.Requests;

namespace Gongkai.Core.Requests.Letters;

/// <summary>A letter template: a title and a body with {占位符} filled from the case (see <see cref="LetterFields"/>).</summary>
public sealed record LetterTemplate(string Key, string Label, string Title, string Body);

/// <summary>
/// The built-in templates, one per letter kind and one per outcome for replies, citing the article
/// the outcome rests on through {法律依据} (<see cref="Outcomes.Info.LegalBasis"/>). Administrators
/// may replace any of them at /admin/letters; the built-in text stays as the default to return to.
/// </summary>
public static class LetterTemplates
{
    public const string TransferKey = "Reply.Transfer";

    /// <summary>The reply of a request split into items: each item's outcome, reasons and article.</summary>
    public const string ItemsKey = "Reply.Items";

    private const string Received = "本机关于{收到申请日期}收到您提出的政府信息公开申请（申请编号：{申请编号}），申请获取“{申请内容}”。";
    private const string Contact = "联系机构：{受理机构}；地址：{机关地址}；电话：{联系电话}。";

    public static string Key(LetterKind kind, Outcome? outcome, bool transfer, bool items = false) => kind switch
    {
        LetterKind.Reply when items => ItemsKey,
        LetterKind.Reply when transfer => TransferKey,
        LetterKind.Reply => "Reply." + (outcome ?? throw new ArgumentNullException(nameof(outcome))),
        _ => kind.ToString(),
    };

    public static IReadOnlyList<LetterTemplate> Defaults { get; } = Build();

    public static LetterTemplate? Default(string key) => Defaults.FirstOrDefault(t => t.Key == key);

    private static List<LetterTemplate> Build()
    {
        var list = new List<LetterTemplate>
        {
            new(nameof(LetterKind.Acknowledgement), "登记回执", "政府信息公开申请登记回执", $$"""
                本机关于{收到申请日期}收到您提出的政府信息公开申请（申请编号：{申请编号}），申请获取“{申请内容}”。
                根据《中华人民共和国政府信息公开条例》第三十三条的规定，本机关将自收到申请之日起20个工作日内予以答复，即不晚于{答复期限}；需要延长答复期限的，将另行告知。征求第三方或者其他机关意见、等待缴纳信息处理费所需时间不计算在答复期限内。
                您可以凭查询码 {查询码} 在政府信息公开平台“申请查询”中查看办理进度。
                {{Contact}}
                """),
            new(nameof(LetterKind.CorrectionNotice), "补正告知书", "政府信息公开申请补正告知书", $$"""
                {{Received}}
                经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对下列事项作出补正：
                {补正事项}
                请您自收到本告知书之日起{补正期限工作日}个工作日内，通过政府信息公开平台“申请查询”、邮寄或者当面方式提交补正材料。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。
                {{Contact}}
                """),
            new(nameof(LetterKind.ThirdPartyConsultation), "征求第三方意见书", "政府信息公开征求第三方意见书", $$"""
                本机关于{收到申请日期}收到政府信息公开申请（申请编号：{申请编号}），申请公开“{申请内容}”。经审查，公开该政府信息可能损害您（单位）的合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现征求您（单位）的意见。
                请自收到本意见书之日起15个工作日内书面提出是否同意公开的意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知第三方。
                {{Contact}}
                """),
            new(nameof(LetterKind.AgencyConsultation), "征求意见函", "政府信息公开征求意见函", $$"""
                本机关于{收到申请日期}收到政府信息公开申请（申请编号：{申请编号}），申请公开“{申请内容}”。该政府信息由本机关与贵机关共同制作。根据《中华人民共和国政府信息公开条例》第三十四条的规定，现征求贵机关意见。
                请自收到本函之日起15个工作日内函复是否同意公开；逾期未提出意见的，视为同意公开。
                {{Contact}}
                """),
            new(nameof(LetterKind.ExtensionNotice), "延期答复告知书", "政府信息公开申请延期答复告知书", $$"""
                {{Received}}
                因{延期理由}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{延长工作日}个工作日，本机关将于{答复期限}前作出答复。
                特此告知。
                {{Contact}}
                """),
            new(nameof(LetterKind.FeeNotice), "收费通知书", "政府信息公开信息处理费缴费通知书", $$"""
                {{Received}}
                您申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关{收费方式}收取信息处理费：{计费说明}，应缴金额{收费金额}元。
                请自收到本通知次日起20个工作日内缴纳信息处理费。缴费所需时间不计算在答复期限内。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。
                {{Contact}}
                """),
            new(nameof(LetterKind.InternalConsultation), "征求意见单（内部业务部门）", "政府信息公开申请征求意见单", $$"""
                本机关于{收到申请日期}收到政府信息公开申请（申请编号：{申请编号}），申请公开“{申请内容}”。该政府信息涉及你部门职责，请你部门自收到本单之日起{内部意见期限}个工作日内提出是否公开及理由的意见，并提供相关信息。
                内部征求意见的时间计算在答复期限内，请按时反馈。
                {{Contact}}
                """),
            new(nameof(LetterKind.ReasonsNotice), "说明理由通知书", "政府信息公开申请说明理由通知书", $$"""
                {{Received}}
                经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第三十五条的规定，请您自收到本通知之日起{说明理由期限工作日}个工作日内，通过政府信息公开平台“申请查询”、邮寄或者当面方式书面说明申请理由。
                逾期未说明理由或者本机关认为理由不合理的，本机关将告知您不予处理；理由合理但无法在规定期限内答复的，本机关将确定延迟答复的合理期限并告知您。
                {{Contact}}
                """),
            new(nameof(LetterKind.DelayNotice), "延迟答复告知书", "政府信息公开申请延迟答复告知书", $$"""
                {{Received}}
                本机关于{说明理由通知日期}要求您说明申请理由，并于{收到理由日期}收到您的说明。经审查，本机关认为您的申请理由合理，但无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复。根据该条例第三十五条的规定，本机关确定延迟答复的合理期限为{延迟答复工作日}个工作日，将于{答复期限}前作出答复。
                特此告知。
                {{Contact}}
                """),
            new(nameof(LetterKind.ThirdPartyNotice), "第三方告知书（决定公开）", "政府信息公开第三方告知书", $$"""
                本机关于{收到申请日期}收到政府信息公开申请（申请编号：{申请编号}），申请公开“{申请内容}”。本机关就此征求您（单位）的意见，您（单位）不同意公开。
                经审查，本机关认为不公开可能对公共利益造成重大影响。根据《中华人民共和国政府信息公开条例》第十五条、第三十二条的规定，本机关决定予以公开。决定公开的政府信息内容：“{申请内容}”。决定公开的理由：{答复理由}
                您（单位）对本决定不服的，可以依法申请行政复议或者提起行政诉讼。
                {{Contact}}
                """),
            Reply(Outcome.Granted, "经审查，您申请获取的政府信息属于公开范围。根据{法律依据}的规定，本机关决定予以公开，现以{获取方式}方式提供。\n{答复理由}"),
            Reply(Outcome.PartiallyGranted, "经审查，您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。根据{法律依据}的规定，本机关决定公开可以公开的部分，现以{获取方式}方式提供；不予公开的部分及其理由如下：\n{答复理由}"),
            Denied(Outcome.DeniedStateSecret, "您申请获取的政府信息依法确定为国家秘密。"),
            Denied(Outcome.DeniedProhibitedByLaw, "您申请获取的政府信息属于法律、行政法规禁止公开的政府信息。"),
            Denied(Outcome.DeniedThreeSecurityOneStability, "您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。"),
            Denied(Outcome.DeniedThirdPartyRights, "您申请获取的政府信息涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的内容。{征求意见情况}"),
            Denied(Outcome.DeniedInternalAffairs, "您申请获取的信息属于人事管理、后勤管理、内部工作流程等方面的内部事务信息。"),
            Denied(Outcome.DeniedProcessInformation, "您申请获取的信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息。"),
            Denied(Outcome.DeniedEnforcementCaseFile, "您申请获取的信息属于行政执法案卷信息。"),
            Reply(Outcome.DeniedAdministrativeQuery, "经审查，您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定。根据{法律依据}的规定，请您按照有关法律、行政法规的规定办理。\n{答复理由}"),
            Reply(Outcome.NotHeld, "经本机关检索查找，本机关没有制作或者获取过您申请获取的政府信息。根据{法律依据}的规定，告知您该政府信息不存在。\n{答复理由}"),
            Reply(Outcome.NeedsCreation, "经审查，您申请获取的政府信息需要本机关对现有政府信息进行加工、分析方能形成。根据{法律依据}的规定，本机关不予提供。\n{答复理由}"),
            Reply(Outcome.UnclearAfterCorrection, "本机关于{补正告知日期}告知您对申请作出补正。经审查，补正后您的申请内容仍不明确，本机关无法确定您申请获取的政府信息。根据{法律依据}的规定，本机关无法提供。\n{答复理由}"),
            Reply(Outcome.PetitionOrComplaint, "经审查，您以政府信息公开申请的形式进行信访、投诉、举报等活动。根据{法律依据}的规定，本机关不作为政府信息公开申请处理，请您通过相应渠道提出。\n{答复理由}"),
            Reply(Outcome.Duplicate, "经审查，本机关已就您申请公开的相同政府信息作出答复，您再次申请公开相同的政府信息。根据{法律依据}的规定，本机关不予重复处理。\n{答复理由}"),
            Reply(Outcome.Publication, "经审查，您申请获取的是公开出版物。根据{法律依据}的规定，本机关不作为政府信息公开申请处理，您可以通过公开出版发行的渠道获取。\n{答复理由}"),
            Reply(Outcome.MassRepeated, "您申请公开政府信息的数量、频次明显超过合理范围，本机关于{说明理由通知日期}要求您说明理由。{说明理由情况}根据{法律依据}的规定，本机关不予处理。\n{答复理由}"),
            Reply(Outcome.ConfirmOrReissue, "经审查，您要求本机关确认或者重新出具已获取的信息，不属于政府信息公开申请。根据{法律依据}的规定，本机关不作为政府信息公开申请处理。\n{答复理由}"),
            Reply(Outcome.NoCorrection, "本机关于{补正告知日期}告知您对申请作出补正，补正期限至{补正期限}。您无正当理由逾期未补正，根据{法律依据}的规定，视为放弃申请，本机关不再处理该政府信息公开申请。\n{答复理由}"),
            Reply(Outcome.FeeUnpaid, "本机关于{收费通知日期}向您发出信息处理费缴费通知，缴费期限至{缴费期限}。您逾期未缴纳信息处理费，根据{法律依据}的规定，视为放弃申请，本机关不再处理该政府信息公开申请。\n{答复理由}"),
            Reply(Outcome.Other, "{答复理由}"),
            new(ItemsKey, "答复书：分项答复（一件申请含多个事项）", "政府信息公开申请答复书", $$"""
                {{Received}}
                经审查，现对您申请的各项政府信息分别答复如下：
                {分项答复}
                {答复理由}
                {救济途径}
                {{Contact}}
                """),
            new(TransferKey, "答复书：本机关不负责公开，告知有权机关", "政府信息公开申请答复书", $$"""
                {{Received}}
                经审查，您申请获取的政府信息不属于本机关负责公开。根据《中华人民共和国政府信息公开条例》第三十六条第（五）项的规定，告知您该政府信息由{有权机关}负责公开。{转送说明}
                {答复理由}
                {救济途径}
                {{Contact}}
                """),
        };
        return list;
    }

    private static LetterTemplate Reply(Outcome outcome, string finding) =>
        new("Reply." + outcome, "答复书：" + Outcomes.Of(outcome).Label, "政府信息公开申请答复书",
            Received + "\n" + finding + "\n{救济途径}\n" + Contact);

    private static LetterTemplate Denied(Outcome outcome, string finding) =>
        Reply(outcome, "经审查，" + finding + "根据{法律依据}的规定，本机关决定不予公开。\n{答复理由}");
}
