using Gongkai.Domain.Reports;
using Gongkai.Reports.Writing;

namespace Gongkai.Reports.Tests.Pdf;

/// <summary>A fixture report: its HTML, the figures printed in each row (by model path), its PDF rendered once per run.</summary>
public sealed class PdfFixture
{
    private readonly Lazy<byte[]> _pdf;
    private readonly Lazy<ReadReport> _read;

    public PdfFixture(string html, Dictionary<string, string[]> printed, bool browserHeaderFooter = false)
    {
        Html = html;
        Printed = printed;
        // Lazy is thread-safe by default: each fixture is rendered and read once per test run.
        _pdf = new(() => ChromiumPdf.Render(html, browserHeaderFooter));
        _read = new(() => ReportFile.Read(_pdf.Value));
    }

    public string Html { get; }

    /// <summary>"requests.newReceived" → the texts printed in its cells, left to right.</summary>
    public IReadOnlyDictionary<string, string[]> Printed { get; }

    public byte[] Pdf => _pdf.Value;

    public ReadReport Read => _read.Value;
}

/// <summary>
/// The fixture reports: a 2021 report in Simplified characters whose table 三 runs over two pages
/// (page numbers and a running header printed in the margins by CSS); a 2019 report in
/// Traditional characters printed with the browser's own header and footer and a table 三 header
/// repeated on each page; the 2021 report again with its tables drawn without rules.
/// </summary>
public static class PdfFixtures
{
    public const string Title2021 = "某某市某某局2021年政府信息公开工作年度报告";

    public const string Overview2021 =
        "2021年，某某市某某局认真贯彻落实《中华人民共和国政府信息公开条例》，围绕全局中心工作，持续深化政务公开，全年主动公开政府信息2310条，" +
        "受理政府信息公开申请552件，均在法定期限内答复，切实保障人民群众的知情权、参与权和监督权，各项工作取得明显成效。";

    /// <summary>Long enough to run over a page break: the reader joins it back into one paragraph.</summary>
    public static readonly string Problems2021 = string.Concat(Enumerable.Repeat(
        "政府信息公开工作仍存在政策解读形式较为单一、基层公开标准化规范化水平有待提升等问题，下一步将丰富解读形式，加强业务培训，提升公开质量；", 12)) + "各项改进措施将于下一年度逐项落实。";

    private const string Css2021 =
        "@page { size: A4; margin: 28mm 20mm 28mm 20mm;" +
        " @top-center { content: \"某某市某某局2021年政府信息公开工作年度报告\"; font-size: 9pt; }" +
        " @bottom-center { content: \"- \" counter(page) \" -\"; font-size: 10pt; } }" +
        "body { font-family: 'Noto Serif CJK SC', serif; font-size: 14pt; line-height: 1.5; }" +
        "h1 { font-size: 20pt; text-align: center; } h2 { font-size: 15pt; }" +
        "table { border-collapse: collapse; width: 100%; margin: 8pt 0; }" +
        "td { border: 0.75pt solid #000; padding: 7pt 3pt; text-align: center; vertical-align: middle; font-size: 13pt; }";

    private const string CssBorderless =
        "@page { size: A4 landscape; margin: 18mm 15mm; @bottom-right { content: counter(page); font-size: 10pt; } }" +
        "body { font-family: 'Noto Serif CJK SC', serif; font-size: 10pt; }" +
        "h1 { font-size: 16pt; text-align: center; } h2 { font-size: 12pt; }" +
        "table { border-collapse: collapse; width: 100%; margin: 6pt 0; }" +
        "td { border: none; padding: 2pt 3pt; text-align: center; vertical-align: middle; font-size: 9pt; }";

    private const string Css2019 =
        "@page { size: A4; margin: 20mm 18mm; }" +
        "body { font-family: 'Noto Serif CJK TC', 'Noto Serif CJK SC', serif; font-size: 13pt; line-height: 1.6; }" +
        "h1 { font-size: 19pt; text-align: center; } h2 { font-size: 14pt; }" +
        "table { border-collapse: collapse; width: 100%; margin: 8pt 0; }" +
        "td { border: 1px solid #000; padding: 6pt 3pt; text-align: center; vertical-align: middle; font-size: 12pt; }";

    private static readonly TableWords Simplified = new(
        "信息内容", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "自然人", "法人或其他组织", "总计",
        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], "三、本年度办理结果",
        "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]);

    private static readonly TableWords Traditional = new(
        "信息內容", "（本列數據的勾稽關係為：第一項加第二項之和，等於第三項加第四項之和）", "申請人情況", "自然人", "法人或其他組織", "總計",
        ["商業企業", "科研機構", "社會公益組織", "法律服務機構", "其他"], "三、本年度辦理結果",
        "行政復議", "行政訴訟", "未經復議直接起訴", "復議後起訴", ["結果維持", "結果糾正", "其他結果", "尚未審結", "總計"]);

    private static readonly ProactiveBlock[] Proactive2021 =
    [
        new("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
            [new("rules", "规章", ["0", "0", "3"]), new("normativeDocuments", "行政规范性文件", ["46", "", "136"])]),
        new("第二十条第（五）项", ["本年处理决定数量"], [new("licensing", "行政许可", ["16103"])]),
        new("第二十条第（六）项", ["本年处理决定数量"],
            [new("penalties", "行政处罚", ["2547"]), new("coercion", "行政强制", ["—"])]),
        new("第二十条第（八）项", ["本年收费金额（单位：万元）"], [new("fees", "行政事业性收费", ["12.5"])]),
    ];

    private static readonly FixtureRow[] Requests2021 =
    [
        new("newReceived", "一、本年新收政府信息公开申请数量", ["489", "51", "", "0", "8", "4", "552"]),
        new("carriedOver", "二、上年结转政府信息公开申请数量", ["3", "1", "0", "0", "0", "0", "4"]),
        new("results.granted", "（一）予以公开", ["120", "20", "0", "/", "1", "2", "143"]),
        new("results.partiallyGranted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ["15", "3", "0", "0", "0", "0", "18"]),
        new("results.denied.stateSecret", "1.属于国家秘密", ["0", "0", "0", "0", "0", "0", "0"], "（三）不予公开"),
        new("results.denied.prohibitedByLaw", "2.其他法律行政法规禁止公开", ["1", "0", "0", "0", "0", "0", "1"], "（三）不予公开"),
        new("results.denied.threeSecurityOneStability", "3.危及“三安全一稳定”", ["0", "", "0", "0", "0", "0", "0"], "（三）不予公开"),
        new("results.denied.thirdPartyRights", "4.保护第三方合法权益", ["4", "1", "0", "0", "0", "0", "5"], "（三）不予公开"),
        new("results.denied.internalAffairs", "5.属于三类内部事务信息", ["2", "0", "0", "0", "0", "0", "2"], "（三）不予公开"),
        new("results.denied.processInformation", "6.属于四类过程性信息", ["6", "1", "0", "0", "0", "0", "7"], "（三）不予公开"),
        new("results.denied.enforcementCaseFile", "7.属于行政执法案卷", ["3", "0", "0", "0", "0", "0", "3"], "（三）不予公开"),
        new("results.denied.administrativeQuery", "8.属于行政查询事项", ["1", "0", "0", "0", "0", "0", "1"], "（三）不予公开"),
        new("results.unavailable.notHeld", "1.本机关不掌握相关政府信息", ["210", "18", "0", "0", "5", "1", "234"], "（四）无法提供"),
        new("results.unavailable.needsCreation", "2.没有现成信息需要另行制作", ["9", "1", "0", "0", "0", "0", "10"], "（四）无法提供"),
        new("results.unavailable.unclearAfterCorrection", "3.补正后申请内容仍不明确", ["7", "0", "0", "0", "0", "0", "7"], "（四）无法提供"),
        new("results.notProcessed.petitionOrComplaint", "1.信访举报投诉类申请", ["11", "2", "0", "0", "0", "0", "13"], "（五）不予处理"),
        new("results.notProcessed.duplicate", "2.重复申请", ["8", "0", "0", "0", "1", "0", "9"], "（五）不予处理"),
        new("results.notProcessed.publication", "3.要求提供公开出版物", ["0", "0", "0", "0", "0", "0", "0"], "（五）不予处理"),
        new("results.notProcessed.massRepeated", "4.无正当理由大量反复申请", ["2", "0", "0", "0", "0", "0", "2"], "（五）不予处理"),
        new("results.notProcessed.confirmOrReissue", "5.要求行政机关确认或重新出具已获取信息", ["5", "1", "0", "0", "0", "0", "6"], "（五）不予处理"),
        new("results.other.noCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", ["30", "4", "0", "0", "1", "1", "36"], "（六）其他处理"),
        new("results.other.feeUnpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", ["0", "0", "—", "0", "0", "0", "0"], "（六）其他处理"),
        new("results.other.other", "3.其他", ["12", "1", "0", "0", "0", "0", "13"], "（六）其他处理"),
        new("results.total", "（七）总计", ["446", "52", "0", "0", "7", "4", "509"]),
        new("carriedForward", "四、结转下年度继续办理", ["46", "", "0", "0", "1", "0", "47"]),
    ];

    private static readonly string[] Review2021 = ["7", "2", "1", "5", "15", "3", "", "0", "1", "4", "1", "0", "0", "/", "1"];

    private static readonly ProactiveBlock[] Proactive2019 =
    [
        new("第二十條第（一）項", ["本年新製作數量", "本年新公開數量", "對外公開總數量"],
            [new("rules", "規章", ["1", "1", "1"]), new("normativeDocuments", "規範性檔案", ["17", "", "17"])]),
        new("第二十條第（五）項", ["上一年項目數量", "本年增/減", "處理決定數量"],
            [new("licensing", "行政許可", ["37", "+16", "11907"]), new("otherServices", "其他對外管理服務事項", ["58", "-7", "10185"])]),
        new("第二十條第（六）項", ["上一年項目數量", "本年增/減", "處理決定數量"],
            [new("penalties", "行政處罰", ["351", "-99", "252"]), new("coercion", "行政強制", ["0", "", "61"])]),
        new("第二十條第（八）項", ["上一年項目數量", "本年增/減"], [new("fees", "行政事業性收費", ["0", "/"])]),
        new("第二十條第（九）項", ["採購項目數量", "採購總金額（萬元）"], [new("procurement", "政府集中採購", ["53", "215450.48"])]),
    ];

    private static readonly FixtureRow[] Requests2019 =
    [
        new("newReceived", "一、本年新收政府信息公開申請數量", ["154", "8", "0", "0", "1", "32", "195"]),
        new("carriedOver", "二、上年結轉政府信息公開申請數量", ["3", "1", "", "0", "1", "0", "5"]),
        new("results.granted", "（一）予以公開", ["105", "4", "0", "0", "0", "1", "110"]),
        new("results.partiallyGranted", "（二）部分公開（區分處理的，只計這一情形，不計其他情形）", ["2", "0", "0", "0", "0", "4", "6"]),
        new("results.denied.stateSecret", "1.屬於國家秘密", ["0", "0", "0", "0", "0", "0", "0"], "（三）不予公開"),
        new("results.denied.prohibitedByLaw", "2.其他法律行政法規禁止公開", ["0", "0", "0", "0", "0", "0", "0"], "（三）不予公開"),
        new("results.denied.threeSecurityOneStability", "3.危及“三安全一穩定”", ["1", "0", "0", "0", "0", "0", "1"], "（三）不予公開"),
        new("results.denied.thirdPartyRights", "4.保護第三方合法權益", ["1", "0", "0", "0", "0", "0", "1"], "（三）不予公開"),
        new("results.denied.internalAffairs", "5.屬於三類內部事務信息", ["0", "0", "0", "", "0", "0", "0"], "（三）不予公開"),
        new("results.denied.processInformation", "6.屬於四類過程性信息", ["0", "0", "0", "0", "0", "0", "0"], "（三）不予公開"),
        new("results.denied.enforcementCaseFile", "7.屬於行政執法案卷", ["0", "0", "0", "0", "0", "0", "0"], "（三）不予公開"),
        new("results.denied.administrativeQuery", "8.屬於行政查詢事項", ["4", "0", "0", "0", "0", "0", "4"], "（三）不予公開"),
        new("results.unavailable.notHeld", "1.本機關不掌握相關政府信息", ["13", "2", "0", "0", "1", "0", "16"], "（四）無法提供"),
        new("results.unavailable.needsCreation", "2.沒有現成信息需要另行製作", ["1", "0", "0", "0", "0", "0", "1"], "（四）無法提供"),
        new("results.unavailable.unclearAfterCorrection", "3.補正後申請內容仍不明確", ["0", "0", "0", "0", "0", "0", "0"], "（四）無法提供"),
        new("results.notProcessed.petitionOrComplaint", "1.信訪舉報投訴類申請", ["0", "0", "0", "0", "0", "0", "0"], "（五）不予處理"),
        new("results.notProcessed.duplicate", "2.重複申請", ["4", "0", "0", "0", "0", "0", "4"], "（五）不予處理"),
        new("results.notProcessed.publication", "3.要求提供公開出版物", ["2", "0", "0", "0", "0", "0", "2"], "（五）不予處理"),
        new("results.notProcessed.massRepeated", "4.無正當理由大量反覆申請", ["0", "0", "/", "0", "0", "0", "0"], "（五）不予處理"),
        new("results.notProcessed.confirmOrReissue", "5.要求行政機關確認或重新出具已獲取信息", ["0", "0", "0", "0", "0", "0", "0"], "（五）不予處理"),
        new("results.other", "（六）其他處理", ["20", "1", "0", "0", "0", "0", "21"]),
        new("results.total", "（七）總計", ["154", "8", "0", "0", "1", "32", "195"]),
        new("carriedForward", "四、結轉下年度繼續辦理", ["0", "0", "0", "0", "0", "0", "0"]),
    ];

    private static readonly string[] Review2019 = ["2", "0", "0", "1", "3", "0", "0", "0", "1", "1", "1", "0", "—", "0", "1"];

    public static PdfFixture Report2021 { get; } = new(Html2021(Css2021), Printed(Proactive2021, Requests2021, Review2021));

    public static PdfFixture Borderless2021 { get; } = new(Html2021(CssBorderless), Printed(Proactive2021, Requests2021, Review2021));

    public static PdfFixture Report2019 { get; } = new(Html2019(), Printed(Proactive2019, Requests2019, Review2019), browserHeaderFooter: true);

    private static string Html2021(string css) => new ReportHtml(css)
        .Title(Title2021)
        .Paragraph("本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据的统计期限自2021年1月1日起至2021年12月31日止。")
        .Heading("一、总体情况")
        .Paragraph(Overview2021)
        .Heading("二、主动公开政府信息情况")
        .Table(OfficialTables.Proactive(Simplified, Proactive2021))
        .Heading("三、收到和处理政府信息公开申请情况")
        .Table(OfficialTables.Requests(Simplified, Requests2021))
        .Heading("四、政府信息公开行政复议、行政诉讼情况")
        .Table(OfficialTables.Review(Simplified, Review2021))
        .Heading("五、存在的主要问题及改进情况")
        .Paragraph(Problems2021)
        .Heading("六、其他需要报告的事项")
        .Paragraph("本年度未收取信息处理费。")
        .Build();

    private static string Html2019() => new ReportHtml(Css2019)
        .Title("深圳市住房和建設局2020年政府信息公開工作年度報告")
        .Heading("一、總體情況")
        .Paragraph("2020年，深圳市住房和建設局著力建機制、強保障，全面推進決策、執行、管理、服務和結果信息“五公開”，不斷完善信息公開制度建設。")
        .Heading("二、主動公開政府信息情況")
        .Table(OfficialTables.Proactive(Traditional, Proactive2019))
        .Heading("三、收到和處理政府信息公開申請情況")
        .Table(OfficialTables.Requests(Traditional, Requests2019), headRows: 3)
        .Heading("四、政府信息公開行政復議、行政訴訟情況")
        .Table(OfficialTables.Review(Traditional, Review2019))
        .Heading("五、存在的主要問題及改進情況")
        .Paragraph("政策解讀的形式還不夠豐富。")
        .Heading("六、其他需要報告的事項")
        .Paragraph("無。")
        .Build();

    private static Dictionary<string, string[]> Printed(ProactiveBlock[] proactive, FixtureRow[] requests, string[] review)
    {
        var printed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var row in proactive.SelectMany(b => b.Rows))
            printed["proactive." + row.Key] = row.Figures;
        foreach (var row in requests)
            printed["requests." + row.Key] = row.Figures;
        string[] groups = ["review", "litigationWithoutReview", "litigationAfterReview"];
        for (var g = 0; g < 3; g++)
            printed["reviewLitigation." + groups[g]] = review[(g * 5)..(g * 5 + 5)];
        return printed;
    }

    /// <summary>The figure a printed cell stands for: empty marks count as 0.</summary>
    public static decimal ValueOf(string printed) => printed switch
    {
        "" or "/" or "—" => 0m,
        _ => decimal.Parse(printed, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
            System.Globalization.CultureInfo.InvariantCulture),
    };

    public static CellForm FormOf(string printed) => printed switch
    {
        "" => CellForm.Blank,
        "/" => CellForm.Slash,
        "—" => CellForm.Dash,
        _ => CellForm.Number,
    };
}
