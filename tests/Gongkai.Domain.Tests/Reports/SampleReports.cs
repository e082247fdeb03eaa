using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

/// <summary>Reports built in code whose tables satisfy every rule, to be broken one cell at a time.</summary>
public static class SampleReports
{
    /// <summary>Applicant columns of each outcome row; totals are derived.</summary>
    public static AnnualReport Consistent(ReportTemplate template = ReportTemplate.Y2021, int? year = null)
    {
        var report = new AnnualReport { Template = template, Year = year ?? (template == ReportTemplate.Y2019 ? 2020 : 2022), Agency = "测试市人民政府" };
        var r = report.Requests;
        var seed = 1;
        foreach (var row in report.Rows(ReportTable.Requests).Where(ReportSchema.IsOutcome))
            r.Set(row.Key, row.Key == "results.other.feeUnpaid" ? Row(0, 0, 0, 0, 0, 0) : Row(seed++ % 5, 1, 0, 0, seed % 3, 0));
        var outcomes = report.Rows(ReportTable.Requests).Where(ReportSchema.IsOutcome).Select(d => r[d.Key]!).ToList();
        var total = Enumerable.Range(0, 7).Select(c => outcomes.Sum(o => o[c].Value!.Value)).ToArray();
        r.Set("results.total", [.. total.Select(Cell.Of)]);
        r.Set("carriedOver", Row(2, 0, 0, 0, 1, 0));
        r.Set("carriedForward", Row(3, 1, 0, 0, 0, 0));
        // newReceived = results.total + carriedForward - carriedOver, column by column.
        r.Set("newReceived", [.. Enumerable.Range(0, 7).Select(c =>
            Cell.Of(total[c] + r.Value("carriedForward", c)!.Value - r.Value("carriedOver", c)!.Value))]);

        report.ReviewLitigation.Set("review", Review(3, 1, 0, 2));
        report.ReviewLitigation.Set("litigationWithoutReview", Review(1, 0, 1, 1));
        report.ReviewLitigation.Set("litigationAfterReview", Review(0, 0, 0, 1));

        foreach (var row in ReportSchema.Rows(template, ReportTable.Proactive))
            report.Proactive.Set(row.Key, [.. row.Columns.Select(_ => Cell.Of(5))]);

        report.Sections.Add(new ReportSection(1, "总体情况", "本年度依法做好政府信息公开工作。", SectionTopic.Overview));
        report.Sections.Add(new ReportSection(2, "主动公开政府信息情况", "", SectionTopic.Proactive));
        report.Sections.Add(new ReportSection(3, "收到和处理政府信息公开申请情况", "", SectionTopic.Requests));
        report.Sections.Add(new ReportSection(4, "政府信息公开行政复议、行政诉讼情况", "", SectionTopic.ReviewLitigation));
        report.Sections.Add(new ReportSection(5, "存在的主要问题及改进情况",
            "政务公开工作仍存在公开内容不够全面、解读形式较为单一等问题，下一步将加强培训，完善制度。", SectionTopic.Problems));
        report.Sections.Add(new ReportSection(6, "其他需要报告的事项", "本年度未收取信息处理费。", SectionTopic.OtherMatters));
        return report;
    }

    /// <summary>Six applicant columns and their total.</summary>
    public static Cell[] Row(params decimal[] applicants) => [.. applicants.Select(Cell.Of), Cell.Of(applicants.Sum())];

    private static Cell[] Review(params decimal[] parts) => [.. parts.Select(Cell.Of), Cell.Of(parts.Sum())];

    public static void SetCell(this AnnualReport report, string path, Cell cell)
    {
        var parts = path.Split('.');
        var table = ReportSchema.Tables.Single(t => ReportSchema.TableId(t) == parts[0]);
        var key = string.Join('.', parts[1..^1]);
        var row = ReportSchema.AnyRow(report.Template, table, key)!;
        var column = row.Columns.ToList().FindIndex(c => c.Key == parts[^1]);
        report.Table(table)[key]![column] = cell;
    }

    public static AnnualReport WithSection(this AnnualReport report, SectionTopic topic, string text)
    {
        var i = report.Sections.FindIndex(s => s.Topic == topic);
        report.Sections[i] = report.Sections[i] with { Text = text };
        return report;
    }
}
