using System.Globalization;
using Gongkai.Core.AnnualReports;
using Gongkai.Domain.Supervision;

namespace Gongkai.Web.Pages.Reports;

/// <summary>The words and dates the report pages print.</summary>
public static class ReportPageText
{
    public static string Date(DateOnly? date) => date?.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) ?? "—";

    public static string Status(AnnualReportRecord record) => record.Status switch
    {
        ReportStatus.Draft => "草稿",
        ReportStatus.Published => "已发布",
        ReportStatus.Imported => record.PublishedAt is null ? "已导入（待公开办负责人发布）" : "已导入（往年已公开）",
    };

    /// <summary>A unit's report as a sum takes it: as stored when published or imported, otherwise from the records now.</summary>
    public static string Status(ReportStatus? status) => status is not { } stored ? "未生成，按系统数据" : stored switch
    {
        ReportStatus.Draft => "草稿，按系统数据",
        ReportStatus.Published => "已发布",
        ReportStatus.Imported => "已导入（往年已公开）",
    };

    public static string Publication(PublicationStatus? status) => status?.Label() ?? "";
}
