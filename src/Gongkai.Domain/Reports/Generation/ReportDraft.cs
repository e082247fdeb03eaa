using System.Globalization;

namespace Gongkai.Domain.Reports.Generation;

/// <summary>
/// What the prose states beyond the tables: the 信息处理费 collected in the year, and how many of
/// the 规章 and 规范性文件 counted as 本年废止 expired (自然失效) rather than being repealed.
/// </summary>
public sealed record DraftFacts(int FeesPaid, decimal FeeAmount, int RulesExpired = 0, int DocumentsExpired = 0)
{
    /// <summary>A government's report: the units whose reports it sums (docs/decisions/0022).</summary>
    public IReadOnlyList<string> Units { get; init; } = [];

    /// <summary>Set while the year runs: the day the figures were counted (<see cref="ReportPeriod"/>).</summary>
    public DateOnly? PartialUntil { get; init; }
}

/// <summary>
/// The first draft of the prose of a generated report: the preface and sections 一 to 六 in the
/// official headings, with the year's figures filled in from the tables, so the prose agrees with
/// them (rule <c>text.table</c>). Staff edit the draft; an edited section is theirs and is kept.
/// </summary>
public static class ReportDraft
{
    public static readonly IReadOnlyList<(int Number, SectionTopic Topic, string Heading)> Headings =
    [
        (1, SectionTopic.Overview, "总体情况"),
        (2, SectionTopic.Proactive, "主动公开政府信息情况"),
        (3, SectionTopic.Requests, "收到和处理政府信息公开申请情况"),
        (4, SectionTopic.ReviewLitigation, "政府信息公开行政复议、行政诉讼情况"),
        (5, SectionTopic.Problems, "存在的主要问题及改进情况"),
        (6, SectionTopic.OtherMatters, "其他需要报告的事项"),
    ];

    /// <summary>The preface (number 0) and sections 1–6, drafted from the report's tables.</summary>
    public static IReadOnlyList<ReportSection> Sections(AnnualReport report, DraftFacts facts)
    {
        var list = new List<ReportSection> { new(0, "", Preface(report, facts), SectionTopic.Other) };
        foreach (var (number, topic, heading) in Headings)
            list.Add(new(number, heading, Text(report, facts, topic), topic));
        return list;
    }

    public static string Text(AnnualReport report, DraftFacts facts, SectionTopic topic) => topic switch
    {
        SectionTopic.Overview => Overview(report),
        SectionTopic.Proactive => Proactive(report, facts),
        SectionTopic.Requests => Requests(report),
        SectionTopic.ReviewLitigation => Review(report),
        SectionTopic.Problems =>
            "一是依申请公开答复文书的说理还不够充分，部分答复对不予公开的理由阐述不够具体；二是政策解读的形式还比较单一。"
            + "下一步，将加强答复文书的审核把关，完善典型案例学习机制，丰富图表、视频等解读形式，持续提升政府信息公开工作质量。",
        SectionTopic.OtherMatters => OtherMatters(facts),
        SectionTopic.Other => Preface(report, facts),
    };

    private static string Preface(AnnualReport report, DraftFacts facts) =>
        $"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条规定，由{report.Agency}编制。"
        + $"报告内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。"
        + (facts.Units.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $"本报告统计数据包括{report.Agency}本级和{string.Join("、", facts.Units)}共{facts.Units.Count}个单位的情况。"))
        + $"本报告中所列数据的统计期限自{report.Year}年1月1日起至{report.Year}年12月31日止。"
        + (facts.PartialUntil is { } until ? $"（本稿为年度中间稿，数据截至{until.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}。）" : "");

    private static string Overview(AnnualReport report) =>
        $"{report.Year}年，{report.Agency}认真贯彻落实《条例》，坚持以公开为常态、不公开为例外，"
        + $"全面推进决策、执行、管理、服务、结果公开，依法保障人民群众的知情权、参与权、表达权和监督权。"
        + $"全年新收政府信息公开申请{N(report.Requests, "newReceived")}件，均依法按时作出答复。";

    private static string Proactive(AnnualReport report, DraftFacts facts)
    {
        var p = report.Proactive;
        var documents = report.Template == ReportTemplate.Y2021
            ? $"本年制发规章{N(p, "rules", 0)}件、行政规范性文件{N(p, "normativeDocuments", 0)}件，"
              + $"废止规章{N(p, "rules", 1)}件{Expired(facts.RulesExpired)}、行政规范性文件{N(p, "normativeDocuments", 1)}件{Expired(facts.DocumentsExpired)}，"
              + $"现行有效规章{N(p, "rules", 2)}件、行政规范性文件{N(p, "normativeDocuments", 2)}件"
            : $"本年新制作规章{N(p, "rules", 0)}件、规范性文件{N(p, "normativeDocuments", 0)}件，对外公开规章{N(p, "rules", 2)}件、规范性文件{N(p, "normativeDocuments", 2)}件";
        return $"依托政府门户网站及时主动公开政府信息。{documents}，均在门户网站政府信息公开专栏公开。具体情况见下表。";
    }

    private static string Requests(AnnualReport report)
    {
        var r = report.Requests;
        var organisations = Enumerable.Range(1, 5).Sum(c => r.Value("newReceived", c) ?? 0);
        return $"本年度新收政府信息公开申请{N(r, "newReceived")}件，其中自然人申请{N(r, "newReceived", 0)}件，"
            + $"法人或其他组织申请{Cell.Format(organisations)}件；上年结转政府信息公开申请{N(r, "carriedOver")}件。"
            + $"本年度办结{N(r, "results.total")}件，其中予以公开{N(r, "results.granted")}件，部分公开{N(r, "results.partiallyGranted")}件。"
            + $"结转下年度继续办理{N(r, "carriedForward")}件。具体情况见下表。";
    }

    private static string Review(AnnualReport report)
    {
        var t = report.ReviewLitigation;
        var review = t.Value("review", ReportSchema.ReviewTotalColumn) ?? 0;
        var litigation = (t.Value("litigationWithoutReview", ReportSchema.ReviewTotalColumn) ?? 0)
            + (t.Value("litigationAfterReview", ReportSchema.ReviewTotalColumn) ?? 0);
        return $"本年度因政府信息公开工作被申请行政复议案件{Cell.Format(review)}件，被提起行政诉讼案件{Cell.Format(litigation)}件。具体情况见下表。";
    }

    private static string OtherMatters(DraftFacts facts) =>
        facts.FeesPaid == 0
            ? "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度未收取信息处理费。本年度无其他需要报告的事项。"
            : string.Create(CultureInfo.InvariantCulture,
                $"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度收取信息处理费{facts.FeePaid()}件，共{facts.FeeAmount:0.00}元。本年度无其他需要报告的事项。");

    /// <summary>How many of the 废止 expired at the end of their term or on replacement (自然失效), as reports state it.</summary>
    private static string Expired(int count) =>
        count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"（含自然失效{count}件）");

    private static string FeePaid(this DraftFacts facts) => facts.FeesPaid.ToString(CultureInfo.InvariantCulture);

    private static string N(StatTable table, string key, int column = ReportSchema.TotalColumn) =>
        Cell.Format(table.Value(key, column) ?? 0);
}
