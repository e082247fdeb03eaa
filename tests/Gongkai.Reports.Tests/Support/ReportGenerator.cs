using System.Globalization;
using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Tests.Support;

/// <summary>
/// Random reports of every template with every cell form (numbers, negative changes, amounts,
/// blank, /, -, —, 无, unreadable), metadata and prose, for round trips through every format.
/// Deterministic for a seed.
/// </summary>
public static class ReportGenerator
{
    private static readonly string[] Agencies =
    [
        "深圳市人民政府", "广州市天河区住房和建设局", "北京市朝阳区人民政府办公室", "泰州市高港区住房和城乡建设局",
        "根河市住建局", "上海市浦东新区司法局", "杭州市西湖区教育局", "成都市武侯区卫生健康局",
    ];

    private static readonly string[] Sentences =
    [
        "本年度认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开标准化规范化建设。",
        "严格落实保密审查机制，坚持“先审查、后公开”原则。",
        "依托政府门户网站、政务新媒体等平台及时发布政策文件和解读材料。",
        "进一步完善依申请公开受理、办理、答复工作流程，确保答复合法规范。",
        "政务公开专业化水平仍需提升，部分栏目更新不够及时。",
        "下一步将加强业务培训，强化考核监督，推动政务公开工作提质增效。",
    ];

    public static AnnualReport Generate(int seed, ReportTemplate template)
    {
        var random = new Random(seed);
        var year = template switch
        {
            ReportTemplate.Legacy => 2014 + random.Next(5),
            ReportTemplate.Y2019 => 2019 + random.Next(2),
            ReportTemplate.Y2021 => 2021 + random.Next(5),
        };
        var agency = Agencies[random.Next(Agencies.Length)];
        var report = new AnnualReport
        {
            Template = template,
            Agency = agency,
            Year = year,
            Title = $"{agency}{year.ToString(CultureInfo.InvariantCulture)}年政府信息公开工作年度报告",
        };
        if (random.Next(2) == 0)
        {
            report.Source.IndexNumber = string.Create(CultureInfo.InvariantCulture, $"0144210{random.Next(10, 99)}/{year + 1}-{random.Next(1, 99999):00000}");
            report.Source.Publisher = agency;
            report.Source.IssuedOn = new DateOnly(year + 1, 1 + random.Next(3), 1 + random.Next(28));
            report.Source.Category = "信息公开年报";
            if (random.Next(2) == 0)
                report.Source.DocumentNumber = string.Create(CultureInfo.InvariantCulture, $"深府办〔{year + 1}〕{random.Next(1, 40)}号");
        }
        report.Sections.Add(new ReportSection(0, "", Prose(random, 1), SectionTopic.Other));
        if (template == ReportTemplate.Legacy)
        {
            Legacy(random, report);
            return report;
        }
        foreach (var table in ReportSchema.Tables)
        {
            foreach (var row in ReportSchema.Rows(template, table))
                report.Table(table).Set(row.Key, [.. row.Columns.Select(c => RandomCell(random, c.Kind))]);
        }
        (int, SectionTopic, string)[] sections =
        [
            (1, SectionTopic.Overview, "总体情况"),
            (2, SectionTopic.Proactive, "主动公开政府信息情况"),
            (3, SectionTopic.Requests, "收到和处理政府信息公开申请情况"),
            (4, SectionTopic.ReviewLitigation, "政府信息公开行政复议、行政诉讼情况"),
            (5, SectionTopic.Problems, "存在的主要问题及改进情况"),
            (6, SectionTopic.OtherMatters, "其他需要报告的事项"),
        ];
        foreach (var (number, topic, heading) in sections)
            report.Sections.Add(new ReportSection(number, heading, number is >= 2 and <= 4 && random.Next(2) == 0 ? "" : Prose(random, 1 + random.Next(3)), topic));
        return report;
    }

    private static Cell RandomCell(Random random, ColumnKind kind)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 6 => new Cell(0, "", CellForm.Blank),
            < 9 => new Cell(0, "/", CellForm.Slash),
            < 11 => new Cell(0, "-", CellForm.Hyphen),
            < 13 => new Cell(0, "—", CellForm.Dash),
            < 15 => new Cell(0, "无", CellForm.None),
            < 17 => Cell.Unreadable(random.Next(2) == 0 ? "?3" : "1?"),
            _ => Cell.Of(kind switch
            {
                ColumnKind.Amount => Math.Round((decimal)random.NextDouble() * 100000m, random.Next(5)),
                ColumnKind.Change => random.Next(-50, 60),
                ColumnKind.Count => random.Next(8) == 0 ? random.Next(100000, 20000000) : random.Next(0, 600),
            }),
        };
    }

    private static void Legacy(Random random, AnnualReport report)
    {
        string[] groups = ["主动公开情况", "依申请公开情况", "机构建设和保障经费情况"];
        string[] units = ["条", "件", "次", "人", "万元", "%"];
        var n = 0;
        foreach (var group in groups)
        {
            var count = 2 + random.Next(4);
            for (var i = 1; i <= count; i++)
            {
                var label = $"统计事项{++n}数";
                var printed = i == 1 ? $"（一）{label}" : $"{i - 1}.{label}";
                var value = random.Next(4) == 0 ? new Cell(null, "", CellForm.Blank) : Cell.Of(random.Next(0, 1000));
                report.Indicators.Add(new Indicator(label, units[random.Next(units.Length)], value, printed, group));
            }
        }
        (int, SectionTopic, string)[] sections =
        [
            (1, SectionTopic.Overview, "概述"),
            (2, SectionTopic.Proactive, "政府信息主动公开情况"),
            (3, SectionTopic.Requests, "政府信息依申请公开情况"),
            (4, SectionTopic.Other, "咨询情况"),
            (5, SectionTopic.ReviewLitigation, "复议、诉讼和申诉情况"),
            (6, SectionTopic.Problems, "存在的主要问题和改进措施"),
        ];
        foreach (var (number, topic, heading) in sections)
            report.Sections.Add(new ReportSection(number, heading, Prose(random, 1 + random.Next(2)), topic));
    }

    private static string Prose(Random random, int sentences) =>
        string.Join("\n", Enumerable.Range(0, sentences).Select(_ => Sentences[random.Next(Sentences.Length)]));
}
