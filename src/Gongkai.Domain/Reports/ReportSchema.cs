namespace Gongkai.Domain.Reports;

/// <summary>The three statistics tables of the report; their JSON member names.</summary>
public enum ReportTable
{
    /// <summary>二、主动公开政府信息情况</summary>
    Proactive,

    /// <summary>三、收到和处理政府信息公开申请情况</summary>
    Requests,

    /// <summary>四、政府信息公开行政复议、行政诉讼情况</summary>
    ReviewLitigation,
}

/// <summary>What a column may hold: counts are whole and not negative, a change may be negative.</summary>
public enum ColumnKind
{
    Count,
    Change,
    Amount,
}

public sealed record ColumnDef(string Key, string Label, ColumnKind Kind);

/// <summary>
/// One row of a statistics table: its stable key (docs/annual-report.md), the official label,
/// the labels it sits under in the official layout, and its columns.
/// </summary>
public sealed record RowDef(
    ReportTable Table,
    string Key,
    string Label,
    IReadOnlyList<ColumnDef> Columns,
    string? Group = null,
    string? Section = null)
{
    public string CellPath(int column) => $"{ReportSchema.TableId(Table)}.{Key}.{Columns[column].Key}";
}

/// <summary>The rows and columns of each template, in the official order.</summary>
public static class ReportSchema
{
    public static readonly IReadOnlyList<ColumnDef> ApplicantColumns =
    [
        new("naturalPerson", "自然人", ColumnKind.Count),
        new("commercialEnterprise", "商业企业", ColumnKind.Count),
        new("researchInstitution", "科研机构", ColumnKind.Count),
        new("publicInterestOrganization", "社会公益组织", ColumnKind.Count),
        new("legalServiceProvider", "法律服务机构", ColumnKind.Count),
        new("otherOrganization", "其他", ColumnKind.Count),
        new("total", "总计", ColumnKind.Count),
    ];

    public static readonly IReadOnlyList<ColumnDef> ReviewColumns =
    [
        new("upheld", "结果维持", ColumnKind.Count),
        new("corrected", "结果纠正", ColumnKind.Count),
        new("other", "其他结果", ColumnKind.Count),
        new("pending", "尚未审结", ColumnKind.Count),
        new("total", "总计", ColumnKind.Count),
    ];

    public const int TotalColumn = 6;
    public const int ReviewTotalColumn = 4;

    public const string Article1 = "第二十条第（一）项";
    public const string Article5 = "第二十条第（五）项";
    public const string Article6 = "第二十条第（六）项";
    public const string Article8 = "第二十条第（八）项";
    public const string Article9 = "第二十条第（九）项";

    private static readonly ColumnDef[] Documents2019 =
    [
        new("made", "本年新制作数量", ColumnKind.Count),
        new("published", "本年新公开数量", ColumnKind.Count),
        new("totalPublished", "对外公开总数量", ColumnKind.Count),
    ];

    private static readonly ColumnDef[] Items2019 =
    [
        new("previousItems", "上一年项目数量", ColumnKind.Count),
        new("change", "本年增/减", ColumnKind.Change),
        new("decisions", "处理决定数量", ColumnKind.Count),
    ];

    private static readonly ColumnDef[] Documents2021 =
    [
        new("issued", "本年制发件数", ColumnKind.Count),
        new("repealed", "本年废止件数", ColumnKind.Count),
        new("inForce", "现行有效件数", ColumnKind.Count),
    ];

    private static readonly ColumnDef[] Decisions2021 = [new("decisions", "本年处理决定数量", ColumnKind.Count)];

    private static readonly IReadOnlyList<RowDef> Proactive2019 =
    [
        new(ReportTable.Proactive, "rules", "规章", Documents2019, Section: Article1),
        new(ReportTable.Proactive, "normativeDocuments", "规范性文件", Documents2019, Section: Article1),
        new(ReportTable.Proactive, "licensing", "行政许可", Items2019, Section: Article5),
        new(ReportTable.Proactive, "otherServices", "其他对外管理服务事项", Items2019, Section: Article5),
        new(ReportTable.Proactive, "penalties", "行政处罚", Items2019, Section: Article6),
        new(ReportTable.Proactive, "coercion", "行政强制", Items2019, Section: Article6),
        new(ReportTable.Proactive, "fees", "行政事业性收费",
            [new("previousItems", "上一年项目数量", ColumnKind.Count), new("change", "本年增/减", ColumnKind.Change)],
            Section: Article8),
        new(ReportTable.Proactive, "procurement", "政府集中采购",
            [new("projects", "采购项目数量", ColumnKind.Count), new("amount", "采购总金额（万元）", ColumnKind.Amount)],
            Section: Article9),
    ];

    private static readonly IReadOnlyList<RowDef> Proactive2021 =
    [
        new(ReportTable.Proactive, "rules", "规章", Documents2021, Section: Article1),
        new(ReportTable.Proactive, "normativeDocuments", "行政规范性文件", Documents2021, Section: Article1),
        new(ReportTable.Proactive, "licensing", "行政许可", Decisions2021, Section: Article5),
        new(ReportTable.Proactive, "penalties", "行政处罚", Decisions2021, Section: Article6),
        new(ReportTable.Proactive, "coercion", "行政强制", Decisions2021, Section: Article6),
        new(ReportTable.Proactive, "fees", "行政事业性收费",
            [new("amount", "本年收费金额（单位：万元）", ColumnKind.Amount)], Section: Article8),
    ];

    private const string Results = "三、本年度办理结果";
    private const string Denied = "（三）不予公开";
    private const string Unavailable = "（四）无法提供";
    private const string NotProcessed = "（五）不予处理";
    private const string OtherHandling = "（六）其他处理";

    private static RowDef Request(string key, string label, string? group = null, string? section = null) =>
        new(ReportTable.Requests, key, label, ApplicantColumns, group, section);

    private static IReadOnlyList<RowDef> RequestRows(ReportTemplate template)
    {
        List<RowDef> rows =
        [
            Request("newReceived", "一、本年新收政府信息公开申请数量"),
            Request("carriedOver", "二、上年结转政府信息公开申请数量"),
            Request("results.granted", "（一）予以公开", section: Results),
            Request("results.partiallyGranted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", section: Results),
            Request("results.denied.stateSecret", "1.属于国家秘密", Denied, Results),
            Request("results.denied.prohibitedByLaw", "2.其他法律行政法规禁止公开", Denied, Results),
            Request("results.denied.threeSecurityOneStability", "3.危及“三安全一稳定”", Denied, Results),
            Request("results.denied.thirdPartyRights", "4.保护第三方合法权益", Denied, Results),
            Request("results.denied.internalAffairs", "5.属于三类内部事务信息", Denied, Results),
            Request("results.denied.processInformation", "6.属于四类过程性信息", Denied, Results),
            Request("results.denied.enforcementCaseFile", "7.属于行政执法案卷", Denied, Results),
            Request("results.denied.administrativeQuery", "8.属于行政查询事项", Denied, Results),
            Request("results.unavailable.notHeld", "1.本机关不掌握相关政府信息", Unavailable, Results),
            Request("results.unavailable.needsCreation", "2.没有现成信息需要另行制作", Unavailable, Results),
            Request("results.unavailable.unclearAfterCorrection", "3.补正后申请内容仍不明确", Unavailable, Results),
            Request("results.notProcessed.petitionOrComplaint", "1.信访举报投诉类申请", NotProcessed, Results),
            Request("results.notProcessed.duplicate", "2.重复申请", NotProcessed, Results),
            Request("results.notProcessed.publication", "3.要求提供公开出版物", NotProcessed, Results),
            Request("results.notProcessed.massRepeated", "4.无正当理由大量反复申请", NotProcessed, Results),
            Request("results.notProcessed.confirmOrReissue", "5.要求行政机关确认或重新出具已获取信息", NotProcessed, Results),
        ];
        if (template == ReportTemplate.Y2019)
            rows.Add(Request("results.other", "（六）其他处理", section: Results));
        else
        {
            rows.Add(Request("results.other.noCorrection",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", OtherHandling, Results));
            rows.Add(Request("results.other.feeUnpaid",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", OtherHandling, Results));
            rows.Add(Request("results.other.other", "3.其他", OtherHandling, Results));
        }
        rows.Add(Request("results.total", "（七）总计", section: Results));
        rows.Add(Request("carriedForward", "四、结转下年度继续办理"));
        return rows;
    }

    private static readonly IReadOnlyList<RowDef> Requests2019 = RequestRows(ReportTemplate.Y2019);
    private static readonly IReadOnlyList<RowDef> Requests2021 = RequestRows(ReportTemplate.Y2021);

    private static readonly IReadOnlyList<RowDef> ReviewRows =
    [
        new(ReportTable.ReviewLitigation, "review", "行政复议", ReviewColumns),
        new(ReportTable.ReviewLitigation, "litigationWithoutReview", "未经复议直接起诉", ReviewColumns, Group: "行政诉讼"),
        new(ReportTable.ReviewLitigation, "litigationAfterReview", "复议后起诉", ReviewColumns, Group: "行政诉讼"),
    ];

    public static string TableId(ReportTable table) => table switch
    {
        ReportTable.Proactive => "proactive",
        ReportTable.Requests => "requests",
        ReportTable.ReviewLitigation => "reviewLitigation",
    };

    public static string TableTitle(ReportTable table) => table switch
    {
        ReportTable.Proactive => "二、主动公开政府信息情况",
        ReportTable.Requests => "三、收到和处理政府信息公开申请情况",
        ReportTable.ReviewLitigation => "四、政府信息公开行政复议、行政诉讼情况",
    };

    /// <summary>The rows of a table in a template, in official order; none for <c>legacy</c>.</summary>
    public static IReadOnlyList<RowDef> Rows(ReportTemplate template, ReportTable table) => (template, table) switch
    {
        (ReportTemplate.Legacy, _) => [],
        (ReportTemplate.Y2019, ReportTable.Proactive) => Proactive2019,
        (ReportTemplate.Y2021, ReportTable.Proactive) => Proactive2021,
        (ReportTemplate.Y2019, ReportTable.Requests) => Requests2019,
        (ReportTemplate.Y2021, ReportTable.Requests) => Requests2021,
        (_, ReportTable.ReviewLitigation) => ReviewRows,
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };

    public static RowDef? Row(ReportTemplate template, ReportTable table, string key)
    {
        foreach (var row in Rows(template, table))
        {
            if (row.Key == key)
                return row;
        }
        return null;
    }

    /// <summary>
    /// A row of the report's template, else of the other one: a report may print rows of the
    /// other template's table 三.
    /// </summary>
    public static RowDef? AnyRow(ReportTemplate template, ReportTable table, string key) =>
        Row(template, table, key) ?? Row(ReportTemplate.Y2021, table, key) ?? Row(ReportTemplate.Y2019, table, key);

    public static readonly IReadOnlyList<ReportTable> Tables =
        [ReportTable.Proactive, ReportTable.Requests, ReportTable.ReviewLitigation];

    /// <summary>Whether a row of table 三 is an outcome (under 三、本年度办理结果, not the total).</summary>
    public static bool IsOutcome(RowDef row) =>
        row.Table == ReportTable.Requests && row.Key.StartsWith("results.", StringComparison.Ordinal) && row.Key != "results.total";
}
