using Gongkai.Domain.Reports;
using Gongkai.Reports.Formats;
using static Gongkai.Reports.Tests.WordFixture;

namespace Gongkai.Reports.Tests;

/// <summary>
/// Whole reports built as Word stores them: tables 三 and 四 with vertically and horizontally
/// merged cells, headings and row labels numbered through numbering.xml, tracked changes, a
/// table of contents, a table nested in a layout cell, Traditional characters. Every expected
/// figure below is written from the fixture's own printed cells, not from reader output.
/// </summary>
public class DocxWordReportTests
{
    [Fact]
    public void Read_Word2021WithMergedCells_EveryCellOfTables2To4()
    {
        var report = ReportFile.Read(Word2021()).Report;

        ReportAssert.Cells(report, new Dictionary<string, string[]>
        {
            ["proactive.rules"] = ["0", "0", "3"],
            ["proactive.normativeDocuments"] = ["5", "2", "?4O"],
            ["proactive.licensing"] = ["1234"],
            ["proactive.penalties"] = ["56"],
            ["proactive.coercion"] = ["/"],
            ["proactive.fees"] = ["12.5"],
            ["requests.newReceived"] = ["20", "3", "0", "0", "1", "1", "25"],
            ["requests.carriedOver"] = ["2", "0", "0", "0", "0", "0", "2"],
            ["requests.results.granted"] = ["8", "1", "0", "0", "0", "0", "9"],
            ["requests.results.partiallyGranted"] = ["2", "0", "0", "0", "0", "0", "2"],
            ["requests.results.denied.stateSecret"] = Zeros7,
            ["requests.results.denied.prohibitedByLaw"] = Zeros7,
            ["requests.results.denied.threeSecurityOneStability"] = Zeros7,
            ["requests.results.denied.thirdPartyRights"] = ["1", "0", "0", "0", "0", "0", "1"],
            ["requests.results.denied.internalAffairs"] = Zeros7,
            ["requests.results.denied.processInformation"] = ["1", "0", "0", "0", "0", "0", "1"],
            ["requests.results.denied.enforcementCaseFile"] = ["/", "/", "/", "/", "/", "/", "/"],
            ["requests.results.denied.administrativeQuery"] = ["—", "—", "—", "—", "—", "—", "—"],
            ["requests.results.unavailable.notHeld"] = ["5", "1", "0", "0", "1", "0", "7"],
            ["requests.results.unavailable.needsCreation"] = ["1", "0", "0", "0", "0", "0", "1"],
            ["requests.results.unavailable.unclearAfterCorrection"] = Zeros7,
            ["requests.results.notProcessed.petitionOrComplaint"] = ["1", "0", "0", "0", "0", "0", "1"],
            ["requests.results.notProcessed.duplicate"] = Zeros7,
            ["requests.results.notProcessed.publication"] = Zeros7,
            ["requests.results.notProcessed.massRepeated"] = ["无", "无", "无", "无", "无", "无", "无"],
            ["requests.results.notProcessed.confirmOrReissue"] = ["", "", "", "", "", "", ""],
            ["requests.results.other.noCorrection"] = ["1", "0", "0", "0", "0", "0", "1"],
            ["requests.results.other.feeUnpaid"] = Zeros7,
            ["requests.results.other.other"] = ["0", "1", "0", "0", "0", "1", "2"],
            ["requests.results.total"] = ["20", "3", "0", "0", "1", "1", "25"],
            ["requests.carriedForward"] = ["2", "0", "0", "0", "0", "0", "2"],
            ["reviewLitigation.review"] = ["1", "0", "0", "1", "2"],
            ["reviewLitigation.litigationWithoutReview"] = ["0", "1", "0", "0", "1"],
            ["reviewLitigation.litigationAfterReview"] = ["0", "0", "0", "0", "0"],
        });
    }

    [Fact]
    public void Read_Word2021WithMergedCells_OnlyTheGarbledCellIsFound()
    {
        var read = ReportFile.Read(Word2021());

        // The prose claims 25 applications: read with the deleted "24" it would claim 2425.
        var finding = read.Findings.ShouldHaveSingleItem();
        finding.Rule.ShouldBe(Rules.CellUnreadable);
        finding.Cells.ShouldBe(["proactive.normativeDocuments.inForce"]);
    }

    [Fact]
    public void Read_Word2021WithMergedCells_NumberedHeadingsAndSections()
    {
        var report = ReportFile.Read(Word2021()).Report;

        (report.Title, report.Agency, report.Year, report.Template)
            .ShouldBe(("广州市白云区住房和城乡建设局2022年政府信息公开工作年度报告", "广州市白云区住房和城乡建设局", (int?)2022, ReportTemplate.Y2021));
        report.Sections.Select(s => (s.Number, s.Heading, s.Topic)).ShouldBe(
        [
            (0, "", SectionTopic.Other),
            (1, "总体情况", SectionTopic.Overview),
            (2, "主动公开政府信息情况", SectionTopic.Proactive),
            (3, "收到和处理政府信息公开申请情况", SectionTopic.Requests),
            (4, "政府信息公开行政复议、行政诉讼情况", SectionTopic.ReviewLitigation),
            (5, "存在的主要问题及改进情况", SectionTopic.Problems),
            (6, "其他需要报告的事项", SectionTopic.OtherMatters),
        ]);
        // Level-2 numbers restart under each heading: （一）（二） in section 一, （一） again in section 五.
        report.Section(1)!.Text.ShouldBe("（一）主动公开\n本年度共收到政府信息公开申请25件，均已按规定答复。\n（二）依申请公开\n本机关依法受理并办理政府信息公开申请。");
        report.Section(5)!.Text.ShouldBe("（一）存在的问题\n一是公开内容不够全面；二是政策解读形式较为单一。\n（二）改进措施\n下一步将完善公开目录，丰富政策解读形式。");
        report.Section(6)!.Text.ShouldBe("本年度未收取信息处理费。");
    }

    [Fact]
    public void Read_Word2021WithMergedCells_RowLabelsNumberedAndMergedCellsReadOnce()
    {
        var rows = DocxSource.Read(Word2021()).Lines.Where(l => l.IsRow).Select(l => string.Join("|", l.Cells)).ToList();

        rows.ShouldContain("自然人|法人或其他组织|总计");
        rows.ShouldContain("商业企业|科研机构|社会公益组织|法律服务机构|其他");
        rows.ShouldContain("三、本年度办理结果|（一）予以公开|8|1|0|0|0|0|9");
        rows.ShouldContain("（三）不予公开|1.属于国家秘密|0|0|0|0|0|0|0");
        rows.ShouldContain("8.属于行政查询事项|—|—|—|—|—|—|—");
        // A restarted list counts from 1 again in the next group.
        rows.ShouldContain("（四）无法提供|1.本机关不掌握相关政府信息|5|1|0|0|1|0|7");
        rows.ShouldContain("5.要求行政机关确认或重新出具已获取信息|||||||");
        rows.ShouldContain("3.其他|0|1|0|0|0|1|2");
        // Table 四's third header row: the five cells merged down from above are not repeated.
        rows.ShouldContain("结果维持|结果纠正|其他结果|尚未审结|总计|结果维持|结果纠正|其他结果|尚未审结|总计");
    }

    [Fact]
    public void Read_WordTraditional2019_EveryCellOfTables2To4()
    {
        var report = ReportFile.Read(WordTraditional2019()).Report;

        ReportAssert.Cells(report, new Dictionary<string, string[]>
        {
            ["proactive.rules"] = ["2", "2", "30"],
            ["proactive.normativeDocuments"] = ["10", "10", "85"],
            ["proactive.licensing"] = ["120", "-3", "4562"],
            ["proactive.otherServices"] = ["15", "0", "230"],
            ["proactive.penalties"] = ["40", "2", "1015"],
            ["proactive.coercion"] = ["6", "0", "12"],
            ["proactive.fees"] = ["3", "-1"],
            ["proactive.procurement"] = ["48", "1234.5"],
            ["requests.newReceived"] = ["30", "5", "1", "0", "0", "2", "38"],
            ["requests.carriedOver"] = ["1", "0", "0", "0", "0", "0", "1"],
            ["requests.results.granted"] = ["12", "2", "1", "0", "0", "1", "16"],
            ["requests.results.partiallyGranted"] = ["3", "1", "0", "0", "0", "0", "4"],
            ["requests.results.denied.stateSecret"] = Zeros7,
            ["requests.results.denied.prohibitedByLaw"] = Zeros7,
            ["requests.results.denied.threeSecurityOneStability"] = Zeros7,
            ["requests.results.denied.thirdPartyRights"] = ["1", "0", "0", "0", "0", "0", "1"],
            ["requests.results.denied.internalAffairs"] = Zeros7,
            ["requests.results.denied.processInformation"] = ["2", "0", "0", "0", "0", "0", "2"],
            ["requests.results.denied.enforcementCaseFile"] = Zeros7,
            ["requests.results.denied.administrativeQuery"] = ["1", "0", "0", "0", "0", "0", "1"],
            ["requests.results.unavailable.notHeld"] = ["8", "1", "0", "0", "0", "1", "10"],
            ["requests.results.unavailable.needsCreation"] = ["1", "0", "0", "0", "0", "0", "1"],
            ["requests.results.unavailable.unclearAfterCorrection"] = Zeros7,
            ["requests.results.notProcessed.petitionOrComplaint"] = ["1", "0", "0", "0", "0", "0", "1"],
            ["requests.results.notProcessed.duplicate"] = ["1", "0", "0", "0", "0", "0", "1"],
            ["requests.results.notProcessed.publication"] = ["", "", "", "", "", "", ""],
            ["requests.results.notProcessed.massRepeated"] = ["无", "无", "无", "无", "无", "无", "无"],
            ["requests.results.notProcessed.confirmOrReissue"] = Zeros7,
            ["requests.results.other"] = ["1", "1", "0", "0", "0", "0", "2"],
            ["requests.results.total"] = ["31", "5", "1", "0", "0", "2", "39"],
            ["requests.carriedForward"] = ["1", "0", "0", "0", "0", "0", "1"],
            ["reviewLitigation.review"] = ["2", "1", "0", "0", "3"],
            ["reviewLitigation.litigationWithoutReview"] = ["1", "0", "0", "1", "2"],
            ["reviewLitigation.litigationAfterReview"] = ["0", "0", "0", "0", "0"],
        });
    }

    [Fact]
    public void Read_WordTraditional2019_FindsThePrintedImbalance()
    {
        var read = ReportFile.Read(WordTraditional2019());

        // 结转下年度 prints 1 where 30 + 1 received less 31 handled leaves 0.
        read.Findings.Select(f => f.Rule).ShouldBe([Rules.RequestsBalance, Rules.RequestsBalance]);
        read.Findings.Select(f => f.Cells[^1]).ShouldBe(["requests.carriedForward.naturalPerson", "requests.carriedForward.total"]);
    }

    [Fact]
    public void Read_WordTraditional2019_MetadataAndSectionsWithoutTheTableOfContents()
    {
        var report = ReportFile.Read(WordTraditional2019()).Report;

        (report.Title, report.Agency, report.Year, report.Template)
            .ShouldBe(("珠海市香洲区人民政府2019年政府信息公开工作年度报告", "珠海市香洲区人民政府", (int?)2019, ReportTemplate.Y2019));
        report.Sections.Select(s => (s.Number, s.Heading)).ShouldBe(
        [
            (1, "总体情况"), (2, "主动公开政府信息情况"), (3, "收到和处理政府信息公开申请情况"),
            (4, "政府信息公开行政复议、行政诉讼情况"), (5, "存在的主要问题及改进情况"), (6, "其他需要报告的事项"),
        ]);
        report.Section(1)!.Text.ShouldBe("2019年，本機關共收到政府信息公開申請38件，上年結轉1件。");
        // The caption beside table 四 sits in the layout cell that holds the table.
        report.Section(4)!.Text.ShouldBe("單位：件");
        // Section 五 is inside a content control.
        report.Section(5)!.Text.ShouldStartWith("一是信息公開的及時性有待提高");
    }

    private static readonly string[] Zeros7 = ["0", "0", "0", "0", "0", "0", "0"];

    private const string Note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    /// <summary>
    /// A 2021-template report: headings numbered by their styles (标题 1 → 一、, 标题 2 → （一）),
    /// the labels under （三）…（六） numbered 1. 2. 3. by a list restarted in each group.
    /// </summary>
    internal static byte[] Word2021() => new WordFixture()
        .List(0, ("chineseCounting", "%1、"), ("chineseCounting", "（%2）"))
        .List(1, ("decimal", "%1."))
        .Num(1, 0)
        .Num(3, 1).Num(4, 1, restart: true).Num(5, 1, restart: true).Num(6, 1, restart: true)
        .Style("1", "heading 1", numId: 1)
        .Style("2", "heading 2", numId: 1, level: 1)
        .Add(
            P("广州市白云区住房和城乡建设局2022年政府信息公开工作年度报告"),
            P("本报告依据《中华人民共和国政府信息公开条例》编制，统计期限自2022年1月1日起至2022年12月31日止。"),
            P("总体情况", style: "1"),
            P("主动公开", style: "2"),
            P(R("本年度共收到政府信息公开申请"), Del("24"), Ins("25"), R("件，均已按规定答复。")),
            P("依申请公开", style: "2"),
            P("本机关依法受理并办理政府信息公开申请。"),
            P("主动公开政府信息情况", style: "1"),
            Table(
                Row(C("第二十条第（一）项", 4)),
                Row(C("信息内容"), C("本年制发件数"), C("本年废止件数"), C("现行有效件数")),
                Row(C("规章"), F("0 0 3")),
                Row(C("行政规范性文件"), F("5 2 4O")),
                Row(C("第二十条第（五）项", 4)),
                Row(C("信息内容"), C("本年处理决定数量", 3)),
                Row(C("行政许可"), C("1,234", 3)),
                Row(C("第二十条第（六）项", 4)),
                Row(C("信息内容"), C("本年处理决定数量", 3)),
                Row(C("行政处罚"), C("56", 3)),
                Row(C("行政强制"), C("/", 3)),
                Row(C("第二十条第（八）项", 4)),
                Row(C("信息内容"), C("本年收费金额（单位：万元）", 3)),
                Row(C("行政事业性收费"), C("12.5", 3))),
            P("收到和处理政府信息公开申请情况", style: "1"),
            Table(
                Row(Top(Note, 3), C("申请人情况", 7)),
                Row(Under(3), Top("自然人"), C("法人或其他组织", 5), Top("总计")),
                Row(Under(3), Under(), C("商业企业"), C("科研机构"), C("社会公益组织"), C("法律服务机构"), C("其他"), Under()),
                Row(C("一、本年新收政府信息公开申请数量", 3), F("20 3 0 0 1 1 25")),
                Row(C("二、上年结转政府信息公开申请数量", 3), F("2 0 0 0 0 0 2")),
                Row(Top("三、本年度办理结果"), C("（一）予以公开", 2), F("8 1 0 0 0 0 9")),
                Row(Under(), C("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2), F("2 0 0 0 0 0 2")),
                Row(Under(), Top("（三）不予公开"), Numbered("属于国家秘密", 3), F("0 0 0 0 0 0 0")),
                Row(Under(), Under(), Numbered("其他法律行政法规禁止公开", 3), F("0 0 0 0 0 0 0")),
                Row(Under(), Under(), Numbered("危及“三安全一稳定”", 3), F("0 0 0 0 0 0 0")),
                Row(Under(), Under(), Numbered("保护第三方合法权益", 3), F("1 0 0 0 0 0 1")),
                Row(Under(), Under(), Numbered("属于三类内部事务信息", 3), F("0 0 0 0 0 0 0")),
                Row(Under(), Under(), Numbered("属于四类过程性信息", 3), F("1 0 0 0 0 0 1")),
                Row(Under(), Under(), Numbered("属于行政执法案卷", 3), F("/ / / / / / /")),
                Row(Under(), Under(), Numbered("属于行政查询事项", 3), F("— — — — — — —")),
                Row(Under(), Top("（四）无法提供"), Numbered("本机关不掌握相关政府信息", 4), F("5 1 0 0 1 0 7")),
                Row(Under(), Under(), Numbered("没有现成信息需要另行制作", 4), F("1 0 0 0 0 0 1")),
                Row(Under(), Under(), Numbered("补正后申请内容仍不明确", 4), F("0 0 0 0 0 0 0")),
                Row(Under(), Top("（五）不予处理"), Numbered("信访举报投诉类申请", 5), F("1 0 0 0 0 0 1")),
                Row(Under(), Under(), Numbered("重复申请", 5), F("0 0 0 0 0 0 0")),
                Row(Under(), Under(), Numbered("要求提供公开出版物", 5), F("0 0 0 0 0 0 0")),
                Row(Under(), Under(), Numbered("无正当理由大量反复申请", 5), F("无 无 无 无 无 无 无")),
                Row(Under(), Under(), Numbered("要求行政机关确认或重新出具已获取信息", 5), F("_ _ _ _ _ _ _")),
                Row(Under(), Top("（六）其他处理"), Numbered("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 6), F("1 0 0 0 0 0 1")),
                Row(Under(), Under(), Numbered("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 6), F("0 0 0 0 0 0 0")),
                Row(Under(), Under(), Numbered("其他", 6), F("0 1 0 0 0 1 2")),
                Row(Under(), C("（七）总计", 2), F("20 3 0 0 1 1 25")),
                Row(C("四、结转下年度继续办理", 3), F("2 0 0 0 0 0 2"))),
            P("政府信息公开行政复议、行政诉讼情况", style: "1"),
            Table(
                Row(C("行政复议", 5), C("行政诉讼", 10)),
                Row(Top("结果维持"), Top("结果纠正"), Top("其他结果"), Top("尚未审结"), Top("总计"), C("未经复议直接起诉", 5), C("复议后起诉", 5)),
                Row(Under(), Under(), Under(), Under(), Under(),
                    C("结果维持"), C("结果纠正"), C("其他结果"), C("尚未审结"), C("总计"),
                    C("结果维持"), C("结果纠正"), C("其他结果"), C("尚未审结"), C("总计")),
                Row(F("1 0 0 1 2 0 1 0 0 1 0 0 0 0 0"))),
            P("存在的主要问题及改进情况", style: "1"),
            P("存在的问题", style: "2"),
            P("一是公开内容不够全面；二是政策解读形式较为单一。"),
            P("改进措施", style: "2"),
            P("下一步将完善公开目录，丰富政策解读形式。"),
            P("其他需要报告的事项", style: "1"),
            P("本年度未收取信息处理费。"))
        .Build();

    /// <summary>
    /// A 2019-template report in Traditional characters: headings numbered by a list in
    /// chineseCountingThousand, a table of contents after the title, section 五 in a content
    /// control, table 四 nested in a one-cell layout table under a caption.
    /// </summary>
    private static byte[] WordTraditional2019() => new WordFixture()
        .List(0, ("chineseCountingThousand", "%1、"))
        .Num(1, 0)
        .Add(
            P("珠海市香洲區人民政府2019年政府信息公開工作年度報告"),
            Control(tableOfContents: true,
                P("目錄"),
                P(R("一、總體情況"), new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.TabChar()), R("1")),
                P("二、主動公開政府信息情況 2"),
                P("三、收到和處理政府信息公開申請情況 2"),
                P("四、政府信息公開行政復議、行政訴訟情況 3"),
                P("五、存在的主要問題及改進情況 3"),
                P("六、其他需要報告的事項 3")),
            P("總體情況", numId: 1),
            P("2019年，本機關共收到政府信息公開申請38件，上年結轉1件。"),
            P("主動公開政府信息情況", numId: 1),
            Table(
                Row(C("第二十條第（一）項", 4)),
                Row(C("信息內容"), C("本年新製作數量"), C("本年新公開數量"), C("對外公開總數量")),
                Row(C("規章"), F("2 2 30")),
                Row(C("規範性文件"), F("10 10 85")),
                Row(C("第二十條第（五）項", 4)),
                Row(C("信息內容"), C("上一年項目數量"), C("本年增/減"), C("處理決定數量")),
                Row(C("行政許可"), F("120 -3 4,562")),
                Row(C("其他對外管理服務事項"), F("15 0 230")),
                Row(C("第二十條第（六）項", 4)),
                Row(C("信息內容"), C("上一年項目數量"), C("本年增/減"), C("處理決定數量")),
                Row(C("行政處罰"), F("40 2 1,015")),
                Row(C("行政強制"), F("6 0 12")),
                Row(C("第二十條第（八）項", 4)),
                Row(C("信息內容"), C("上一年項目數量"), C("本年增/減", 2)),
                Row(C("行政事業性收費"), C("3"), C("-1", 2)),
                Row(C("第二十條第（九）項", 4)),
                Row(C("信息內容"), C("採購項目數量"), C("採購總金額（萬元）", 2)),
                Row(C("政府集中採購"), C("48"), C("1,234.5", 2))),
            P("收到和處理政府信息公開申請情況", numId: 1),
            Table(
                Row(Top("（本列數據的勾稽關係為：第一項加第二項之和，等於第三項加第四項之和）", 3), C("申請人情況", 7)),
                Row(Under(3), Top("自然人"), C("法人或其他組織", 5), Top("總計")),
                Row(Under(3), Under(), C("商業企業"), C("科研機構"), C("社會公益組織"), C("法律服務機構"), C("其他"), Under()),
                Row(C("一、本年新收政府信息公開申請數量", 3), F("30 5 1 0 0 2 38")),
                Row(C("二、上年結轉政府信息公開申請數量", 3), F("1 0 0 0 0 0 1")),
                Row(Top("三、本年度辦理結果"), C("（一）予以公開", 2), F("12 2 1 0 0 1 16")),
                Row(Under(), C("（二）部分公開（區分處理的，只計這一情形，不計其他情形）", 2), F("3 1 0 0 0 0 4")),
                Row(Under(), Top("（三）不予公開"), C("1.屬於國家秘密"), F("0 0 0 0 0 0 0")),
                Row(Under(), Under(), C("2.其他法律行政法規禁止公開"), F("0 0 0 0 0 0 0")),
                Row(Under(), Under(), C("3.危及“三安全一穩定”"), F("0 0 0 0 0 0 0")),
                Row(Under(), Under(), C("4.保護第三方合法權益"), F("1 0 0 0 0 0 1")),
                Row(Under(), Under(), C("5.屬於三類內部事務信息"), F("0 0 0 0 0 0 0")),
                Row(Under(), Under(), C("6.屬於四類過程性信息"), F("2 0 0 0 0 0 2")),
                Row(Under(), Under(), C("7.屬於行政執法案卷"), F("0 0 0 0 0 0 0")),
                Row(Under(), Under(), C("8.屬於行政查詢事項"), F("1 0 0 0 0 0 1")),
                Row(Under(), Top("（四）無法提供"), C("1.本機關不掌握相關政府信息"), F("8 1 0 0 0 1 10")),
                Row(Under(), Under(), C("2.沒有現成信息需要另行製作"), F("1 0 0 0 0 0 1")),
                Row(Under(), Under(), C("3.補正後申請內容仍不明確"), F("0 0 0 0 0 0 0")),
                Row(Under(), Top("（五）不予處理"), C("1.信訪舉報投訴類申請"), F("1 0 0 0 0 0 1")),
                Row(Under(), Under(), C("2.重複申請"), F("1 0 0 0 0 0 1")),
                Row(Under(), Under(), C("3.要求提供公開出版物"), F("_ _ _ _ _ _ _")),
                Row(Under(), Under(), C("4.無正當理由大量反復申請"), F("無 無 無 無 無 無 無")),
                Row(Under(), Under(), C("5.要求行政機關確認或重新出具已獲取信息"), F("0 0 0 0 0 0 0")),
                Row(Under(), C("（六）其他處理", 2), F("1 1 0 0 0 0 2")),
                Row(Under(), C("（七）總計", 2), F("31 5 1 0 0 2 39")),
                Row(C("四、結轉下年度繼續辦理", 3), F("1 0 0 0 0 0 1"))),
            P("政府信息公開行政復議、行政訴訟情況", numId: 1),
            Table(Row(Holding(
                P("單位：件"),
                Table(
                    Row(C("行政復議", 5), C("行政訴訟", 10)),
                    Row(Top("結果維持"), Top("結果糾正"), Top("其他結果"), Top("尚未審結"), Top("總計"), C("未經復議直接起訴", 5), C("復議後起訴", 5)),
                    Row(Under(), Under(), Under(), Under(), Under(),
                        C("結果維持"), C("結果糾正"), C("其他結果"), C("尚未審結"), C("總計"),
                        C("結果維持"), C("結果糾正"), C("其他結果"), C("尚未審結"), C("總計")),
                    Row(F("2 1 0 0 3 1 0 0 1 2 0 0 0 0 0")))))),
            P("存在的主要問題及改進情況", numId: 1),
            Control(tableOfContents: false,
                P("一是信息公開的及時性有待提高；二是公開內容的完整性仍需加強。下一步將強化審核，確保信息準確及時公開。")),
            P("其他需要報告的事項", numId: 1),
            P("本機關未收取任何費用。"))
        .Build();

    /// <summary>A label cell numbered by list <paramref name="numId"/>, as Word's numbering button leaves it.</summary>
    private static DocumentFormat.OpenXml.Wordprocessing.TableCell[] Numbered(string text, int numId) => Holding(P(text, numId));
}
