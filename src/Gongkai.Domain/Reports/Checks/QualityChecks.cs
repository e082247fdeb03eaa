using System.Text.RegularExpressions;

namespace Gongkai.Domain.Reports.Checks;

/// <summary>What a careful reader of the published report notices beyond the arithmetic.</summary>
internal static partial class QualityChecks
{
    public static IEnumerable<Finding> Check(AnnualReport report, IReadOnlyList<string> prose)
    {
        if (report.Template != ReportTemplate.Legacy)
        {
            foreach (var f in Tables(report))
                yield return f;
            foreach (var f in Sections(report, prose))
                yield return f;
            foreach (var f in Template(report))
                yield return f;
        }
        foreach (var f in Year(report, prose))
            yield return f;
    }

    private static IEnumerable<Finding> Tables(AnnualReport report)
    {
        (ReportTable Table, SectionTopic Topic)[] tables =
            [(ReportTable.Proactive, SectionTopic.Proactive), (ReportTable.Requests, SectionTopic.Requests), (ReportTable.ReviewLitigation, SectionTopic.ReviewLitigation)];
        foreach (var (table, topic) in tables)
        {
            if (!report.Table(table).IsEmpty)
                continue;
            var title = ReportSchema.TableTitle(table);
            yield return report.Sections.Exists(s => s.Topic == topic)
                ? new(Rules.TableEmpty, Severity.Warning, $"有“{title}”部分，但其中没有统计表数据（表格缺失或以图片发布）", [])
                : new(Rules.TableMissing, Severity.Warning, $"报告缺少“{title}”统计表", []);
        }
    }

    private static IEnumerable<Finding> Sections(AnnualReport report, IReadOnlyList<string> prose)
    {
        (SectionTopic Topic, string Name)[] required =
        [
            (SectionTopic.Overview, "一、总体情况"),
            (SectionTopic.Problems, "五、存在的主要问题及改进情况"),
            (SectionTopic.OtherMatters, "六、其他需要报告的事项"),
        ];
        foreach (var (topic, name) in required)
        {
            var index = report.Sections.FindIndex(s => s.Topic == topic);
            if (index < 0)
            {
                yield return new(Rules.SectionMissing, Severity.Warning, $"报告缺少第{name[..1]}部分“{name[2..]}”", []);
                continue;
            }
            var section = report.Sections[index];
            var text = prose[index];
            if (topic == SectionTopic.Problems && (text.Length < 30 || TokenText().IsMatch(text)))
                yield return new(Rules.SectionToken, Severity.Warning,
                    $"第五部分“存在的主要问题及改进情况”只有一句套话（“{Shorten(section.Text)}”），未写明具体问题和改进措施", []);
        }
    }

    private static IEnumerable<Finding> Template(AnnualReport report)
    {
        if (report.Year is { } year && ReportTemplates.ForYear(year) is var expected && expected != report.Template)
        {
            var notice = expected == ReportTemplate.Y2021 ? "国办公开办函〔2021〕30号" : "国办公开办函〔2019〕60号";
            yield return new(Rules.TemplateMismatch, Severity.Warning,
                $"{year}年度报告应使用{notice}规定的格式，但本报告使用的是{report.Template.Label()}格式", []);
        }
    }

    private static IEnumerable<Finding> Year(AnnualReport report, IReadOnlyList<string> prose)
    {
        if (report.Year is not { } year)
            yield break;
        foreach (var text in prose)
        {
            if (!text.Contains("1月1日", StringComparison.Ordinal) && !text.Contains("报告", StringComparison.Ordinal))
                continue;
            foreach (Match m in StatedYear().Matches(text))
            {
                var stated = int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (stated != year)
                {
                    yield return new(Rules.ReportYear, Severity.Warning,
                        $"本报告为{year}年度，但正文“{m.Value}”写的是{stated}年", []);
                    yield break;
                }
            }
        }
    }

    private static string Shorten(string text)
    {
        var t = text.Trim();
        return t.Length <= 30 ? t : t[..30] + "…";
    }

    [GeneratedRegex(@"^(?:无|暂无|没有|无此类情况|无其他需要报告的事项|略)[。.]?$")]
    private static partial Regex TokenText();

    [GeneratedRegex(@"(?<y>(?:19|20)\d\d)年度?(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?报告|(?:统计|数据)[^。;,]{0,8}?自(?<y>(?:19|20)\d\d)年1月1日|(?<y>(?:19|20)\d\d)年1月1日(?:起)?(?:至|到|—|-)(?:\d{4}年)?12月31日")]
    private static partial Regex StatedYear();
}
