using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Core.Agencies;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Requests.Letters;

/// <summary>What a letter is written from: the request, its agency, the clock after the step, and the step itself.</summary>
public sealed record LetterContext(
    InformationRequest Request,
    Agency Agency,
    string ReviewBody,
    RequestClock Clock,
    RequestEvent Step,
    string? LinkedTrackingCode,
    string? Party = null);

/// <summary>
/// The {占位符} a template may use and how each is filled. A template naming anything else is
/// refused when saved, so a typing error never reaches an applicant.
/// </summary>
public static partial class LetterFields
{
    public static IReadOnlyList<(string Name, string Meaning)> All { get; } =
    [
        ("申请人", "申请人姓名或名称"),
        ("申请编号", "申请编号，如 2026-000123"),
        ("查询码", "申请人查询办理进度用的查询码"),
        ("申请内容", "申请获取的政府信息的描述"),
        ("收到申请日期", "收到申请之日（条例第三十一条）"),
        ("答复期限", "答复期限的最后一日（含延期）"),
        ("获取方式", "申请人要求的获取方式"),
        ("机关", "本机关名称"),
        ("受理机构", "政府信息公开工作机构名称"),
        ("机关地址", "受理机构地址"),
        ("联系电话", "受理机构电话"),
        ("日期", "本文书的日期"),
        ("补正事项", "需要补正的全部事项"),
        ("补正告知日期", "发出补正告知之日"),
        ("补正期限", "申请人补正的最后一日（登记申请人收到补正告知后才能确定）"),
        ("补正期限工作日", "补正期限的工作日数，自申请人收到告知之日起计算"),
        ("第三方", "征求意见的第三方或机关"),
        ("意见期限", "被征求意见方提出意见的最后一日（登记对方收到征求意见书后才能确定）"),
        ("内部意见期限", "内部业务部门提出意见的工作日数"),
        ("征求意见情况", "按办理记录说明征求第三方意见的情况（未征求的不写）"),
        ("说明理由通知日期", "要求申请人说明理由之日（条例第三十五条）"),
        ("说明理由期限工作日", "申请人说明理由的期限（工作日数）"),
        ("收到理由日期", "收到申请人说明理由之日"),
        ("说明理由情况", "按办理记录说明申请人是否在期限内说明理由"),
        ("延迟答复工作日", "延迟答复的合理期限（工作日数）"),
        ("分项答复", "一件申请含多个事项时，各事项的办理结果、理由和依据"),
        ("延长工作日", "延长的工作日数"),
        ("延期理由", "延期答复的理由"),
        ("收费方式", "按件计收或按量计收"),
        ("计费说明", "本月第几件申请或共多少页"),
        ("收费金额", "信息处理费金额（元）"),
        ("收费通知日期", "发出收费通知之日"),
        ("缴费期限", "缴费的最后一日"),
        ("办理结果", "答复的办理结果（表三的类别）"),
        ("法律依据", "办理结果所依据的条款"),
        ("答复理由", "承办人填写的理由和说明"),
        ("救济途径", "申请行政复议、提起行政诉讼的告知（不予公开的须先申请复议）"),
        ("复议机关", "行政复议机关"),
        ("有权机关", "负责公开该信息的机关（转送告知）"),
        ("转送说明", "已转送有权机关及新的查询码，或请申请人向其申请"),
    ];

    [GeneratedRegex(@"\{([^{}\s]{1,20})\}")]
    private static partial Regex Placeholder();

    /// <summary>Placeholders in <paramref name="text"/> that are not in <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Unknown(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(n => All.All(f => f.Name != n)).Distinct()];

    /// <summary>The text with every known placeholder replaced; lines left empty are dropped.</summary>
    public static IReadOnlyList<string> Fill(string text, IReadOnlyDictionary<string, string> values) =>
        [.. Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)];

    public static Dictionary<string, string> Values(LetterContext c)
    {
        var r = c.Request;
        var clock = c.Clock;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["申请人"] = r.ApplicantName,
            ["申请编号"] = r.Number,
            ["查询码"] = r.TrackingCode,
            // Quoted inside a sentence that ends itself: “……”。
            ["申请内容"] = r.Description.Trim().TrimEnd('。', '.', '；', ';', '，', ','),
            ["收到申请日期"] = Date(clock.Receipt?.Date),
            ["答复期限"] = clock.AnswerDue is { } due ? Date(due) : "依法计算的答复期限",
            ["获取方式"] = DeliveryForms.Label(r.DeliveryForm),
            ["机关"] = c.Agency.Name,
            ["受理机构"] = c.Agency.OfficeName,
            ["机关地址"] = c.Agency.OfficeAddress,
            ["联系电话"] = c.Agency.OfficePhone,
            ["日期"] = Date(c.Step.Date),
            ["补正事项"] = clock.Correction?.Items.Trim() ?? "",
            ["补正告知日期"] = Date(clock.Correction?.Date),
            ["补正期限"] = Date(clock.CorrectionDue),
            ["补正期限工作日"] = Number(clock.Correction?.PeriodWorkingDays),
            ["收费通知日期"] = Date(clock.Fee?.Date),
            ["缴费期限"] = Date(clock.FeePaymentDue),
            ["复议机关"] = c.ReviewBody,
            ["有权机关"] = r.CompetentAgencyName ?? "",
            ["答复理由"] = "",
            ["征求意见情况"] = ConsultationRecord(clock),
            ["说明理由通知日期"] = Date(clock.Reasons?.Date),
            ["说明理由期限工作日"] = Number(clock.Reasons?.PeriodWorkingDays),
            ["收到理由日期"] = Date(clock.ReasonsAnswer?.Date),
            ["说明理由情况"] = clock.ReasonsAnswer is null ? "您在规定期限内未说明理由。" : "经审查，您说明的理由不合理。",
            ["延迟答复工作日"] = Number(clock.ReasonsAnswer?.WorkingDays),
        };
        if (clock.Fee is { } fee)
        {
            values["收费方式"] = Fees.Label(fee.Basis);
            values["计费说明"] = fee.Basis == FeeBasis.PerRequest
                ? $"本申请为您本月向本机关提出的第{fee.Quantity.ToString(CultureInfo.InvariantCulture)}件申请"
                : $"提供的政府信息共{fee.Quantity.ToString(CultureInfo.InvariantCulture)}页";
            values["收费金额"] = fee.Amount.ToString("0.##", CultureInfo.InvariantCulture);
        }
        switch (c.Step)
        {
            case ConsultationStarted s:
                values["第三方"] = s.Party;
                var consultation = clock.Consultations.LastOrDefault(x => x.Started == s);
                values["意见期限"] = Date(consultation?.ReplyDue);
                values["内部意见期限"] = Number(consultation?.TermWorkingDays);
                break;
            case Extended x:
                values["延长工作日"] = x.WorkingDays.ToString(CultureInfo.InvariantCulture);
                values["延期理由"] = x.Reason.Trim().TrimEnd('。');
                break;
            case Decided d:
                var info = Outcomes.Of(d.Outcome);
                values["办理结果"] = info.Label;
                values["法律依据"] = info.LegalBasis;
                values["答复理由"] = d.Reason.Trim();
                values["救济途径"] = Remedies.Text(d.Outcome, c.ReviewBody);
                values["分项答复"] = string.Join('\n', (d.Items ?? []).Select((item, i) => Item(i, item)));
                if (c.Party is { } party)
                    values["第三方"] = party;
                values["转送说明"] = c.LinkedTrackingCode is { } code
                    ? $"本机关已通过政府信息公开平台将您的申请转送{r.CompetentAgencyName}，您可以凭新的查询码 {code} 查询办理进度。"
                    : $"请您向{r.CompetentAgencyName}提出申请。";
                break;
        }
        return values;
    }

    /// <summary>
    /// What the record says of a third party's view, and nothing more (a letter states only what the
    /// record holds): consulted and objected, consulted and silent or agreeing, or not consulted.
    /// </summary>
    private static string ConsultationRecord(RequestClock clock)
    {
        var thirdParties = clock.Consultations.Where(c => c.Started.Kind == ConsultationKind.ThirdParty).ToList();
        if (thirdParties.Count == 0)
            return "";
        if (thirdParties.Any(c => c.Reply?.Objects == true))
            return "本机关依法征求了第三方意见，第三方不同意公开。";
        if (thirdParties.All(c => c.Reply is null))
            return "本机关依法征求了第三方意见，第三方在规定期限内未提出意见。";
        return "本机关依法征求了第三方意见。";
    }

    /// <summary>一、“2025年预算”：予以公开。理由（依据……）.</summary>
    private static string Item(int index, DecisionItem item)
    {
        var info = Outcomes.Of(item.Outcome);
        var reason = item.Reason.Trim().TrimEnd('。');
        return $"{ChineseNumber(index + 1)}、关于“{item.Description.Trim().TrimEnd('。')}”：{info.Label}。" +
            (reason.Length > 0 ? reason + "。" : "") + (info.LegalBasis.Length > 0 ? $"依据：{info.LegalBasis}。" : "");
    }

    private static string ChineseNumber(int n) => n switch
    {
        <= 10 => "一二三四五六七八九十"[n - 1].ToString(),
        < 20 => "十" + "一二三四五六七八九"[n - 11],
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    private static string Number(int? n) => n is { } v ? v.ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>2026年3月2日, as official documents write dates.</summary>
    public static string Date(DateOnly? date) => date is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日")
        : "";
}
