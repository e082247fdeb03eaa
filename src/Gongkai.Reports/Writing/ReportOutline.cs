using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Writing;

/// <summary>One block of a written report: a section heading (empty: none) with its prose, and the table it holds.</summary>
public sealed record OutlineSection(string Heading, string Text, LayoutTable? Table);

/// <summary>
/// The order every writer follows: title, the page's metadata, the preface, sections 一…六 in
/// the official wording unless the report printed its own, each statistics table inside its
/// section. Sections the report lacks are written with their official heading and no prose only
/// when they hold a table.
/// </summary>
public static class ReportOutline
{
    private static readonly (int Number, SectionTopic Topic, string Heading)[] Official =
    [
        (1, SectionTopic.Overview, "一、总体情况"),
        (2, SectionTopic.Proactive, "二、主动公开政府信息情况"),
        (3, SectionTopic.Requests, "三、收到和处理政府信息公开申请情况"),
        (4, SectionTopic.ReviewLitigation, "四、政府信息公开行政复议、行政诉讼情况"),
        (5, SectionTopic.Problems, "五、存在的主要问题及改进情况"),
        (6, SectionTopic.OtherMatters, "六、其他需要报告的事项"),
    ];

    public static string Title(AnnualReport report) =>
        report.Title ?? $"{report.Agency ?? "某单位"}{(report.Year is { } y ? y.ToString(System.Globalization.CultureInfo.InvariantCulture) + "年" : "")}政府信息公开工作年度报告";

    /// <summary>索引号 / 发布机构 / 发文日期 / 文号 / 分类 pairs that the report carries.</summary>
    public static IReadOnlyList<(string Key, string Value)> Metadata(AnnualReport report)
    {
        var s = report.Source;
        var list = new List<(string, string)>();
        if (s.IndexNumber is { } i)
            list.Add(("索引号", i));
        if (s.Category is { } c)
            list.Add(("分类", c));
        if (s.Publisher is { } p)
            list.Add(("发布机构", p));
        if (s.IssuedOn is { } d)
            list.Add(("发文日期", d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        if (s.DocumentNumber is { } n)
            list.Add(("文号", n));
        return list;
    }

    /// <summary>
    /// The signature that closes the report: the agency, when the title does not print it (a title
    /// that names a region, 深圳市龙岗区2022年…, for 深圳市龙岗区人民政府), so that it reads back the same.
    /// </summary>
    public static string? Signature(AnnualReport report) =>
        report.Agency is { } agency && report.Title is { } title && Reading.MetadataReader.AgencyFromTitle(title) != agency ? agency : null;

    public static string Preface(AnnualReport report) => report.Sections.Find(s => s.Number == 0)?.Text ?? "";

    public static IReadOnlyList<OutlineSection> Sections(AnnualReport report)
    {
        var tables = OfficialLayout.Tables(report);
        var result = new List<OutlineSection>();
        if (report.Template == ReportTemplate.Legacy)
        {
            foreach (var s in report.Sections.Where(s => s.Number > 0))
                result.Add(new(Heading(s), s.Text, null));
            // The 统计表 follows the last section, as published; it has no heading of its own.
            if (report.Indicators.Count > 0)
                result.Add(new("", "", tables[0]));
            return result;
        }
        foreach (var (number, topic, official) in Official)
        {
            var printed = report.Sections.Find(s => s.Topic == topic);
            var table = number is >= 2 and <= 4 ? tables[number - 2] : null;
            var isEmpty = table is not null && report.Table(ReportSchema.Tables[number - 2]).IsEmpty;
            if (printed is null && (table is null || isEmpty))
                continue;
            result.Add(new(printed is null ? official : Heading(printed), printed?.Text ?? "", isEmpty ? null : table));
        }
        return result;
    }

    private static string Heading(ReportSection s) =>
        s.Number is > 0 and <= 20 ? $"{Numeral(s.Number)}、{s.Heading}" : s.Heading;

    private static string Numeral(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 10 => digits[n].ToString(),
            10 => "十",
            < 20 => "十" + digits[n - 10],
            _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
