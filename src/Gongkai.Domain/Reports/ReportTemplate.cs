namespace Gongkai.Domain.Reports;

/// <summary>The national layouts of the annual report (see docs/annual-report.md).</summary>
public enum ReportTemplate
{
    /// <summary>Pre-2019 provincial 统计表: a free list of indicators.</summary>
    Legacy,

    /// <summary>国办公开办函〔2019〕60号, reports for 2019–2020.</summary>
    Y2019,

    /// <summary>国办公开办函〔2021〕30号, reports for 2021 on.</summary>
    Y2021,
}

public static class ReportTemplates
{
    public static string Id(this ReportTemplate template) => template switch
    {
        ReportTemplate.Legacy => "legacy",
        ReportTemplate.Y2019 => "2019",
        ReportTemplate.Y2021 => "2021",
    };

    /// <summary>Its name as a Chinese reader knows it, with the circular that set it out.</summary>
    public static string Label(this ReportTemplate template) => template switch
    {
        ReportTemplate.Legacy => "2019年以前的统计表",
        ReportTemplate.Y2019 => "2019年版（国办公开办函〔2019〕60号）",
        ReportTemplate.Y2021 => "2021年版（国办公开办函〔2021〕30号）",
    };

    public static ReportTemplate? FromId(string? id) => id switch
    {
        "legacy" => ReportTemplate.Legacy,
        "2019" => ReportTemplate.Y2019,
        "2021" => ReportTemplate.Y2021,
        _ => null,
    };

    /// <summary>The template a report for <paramref name="year"/> must use.</summary>
    public static ReportTemplate ForYear(int year) => year switch
    {
        < 2019 => ReportTemplate.Legacy,
        < 2021 => ReportTemplate.Y2019,
        _ => ReportTemplate.Y2021,
    };
}
