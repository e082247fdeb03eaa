using Gongkai.Domain.Agencies;
using Gongkai.Domain.Text;

namespace Gongkai.Domain.Supervision;

/// <summary>Who publishes an annual report, as far as 条例第四十九条 sets its deadline.</summary>
public enum PublisherKind
{
    /// <summary>县级以上人民政府部门: by 31 January.</summary>
    Department,

    /// <summary>A people's government of a region (and townships, for which the Regulation sets no earlier date): by 31 March.</summary>
    Government,
}

/// <summary>Whether a unit published its report for a year, and in time.</summary>
public enum PublicationStatus
{
    OnTime,
    Late,

    /// <summary>Published, but the page gives no 发文日期: shown as unknown, never as on time.</summary>
    DateUnknown,
    Missing,
}

/// <summary>
/// 条例第四十九条: departments publish last year's report by 31 January, people's governments by
/// 31 March. A report is late when its 发文日期 falls after that day.
/// </summary>
public static class PublicationDeadline
{
    public static DateOnly For(int reportYear, PublisherKind kind) => kind switch
    {
        PublisherKind.Department => new DateOnly(reportYear + 1, 1, 31),
        PublisherKind.Government => new DateOnly(reportYear + 1, 3, 31),
    };

    public static PublicationStatus Status(int reportYear, PublisherKind kind, DateOnly? issuedOn) =>
        issuedOn is not { } date ? PublicationStatus.DateUnknown
        : date <= For(reportYear, kind) ? PublicationStatus.OnTime
        : PublicationStatus.Late;

    public static PublisherKind KindOf(AgencyLevel level) => level switch
    {
        AgencyLevel.Department => PublisherKind.Department,
        AgencyLevel.Province or AgencyLevel.City or AgencyLevel.County or AgencyLevel.Township => PublisherKind.Government,
    };

    /// <summary>
    /// The kind of a unit known only by the name printed on its report (an audit of a folder):
    /// 人民政府 or a bare place name (深圳市龙岗区) is a government, anything else a department.
    /// </summary>
    public static PublisherKind KindOf(string agencyName)
    {
        var name = ChineseText.Normalize(agencyName);
        if (name.EndsWith("办公室", StringComparison.Ordinal) || name.EndsWith("办公厅", StringComparison.Ordinal))
            return PublisherKind.Department;
        string[] governments = ["人民政府", "街道办事处", "街道", "省", "市", "区", "县", "旗", "州", "盟", "镇", "乡"];
        return governments.Any(g => name.EndsWith(g, StringComparison.Ordinal)) ? PublisherKind.Government : PublisherKind.Department;
    }

    public static string Label(this PublicationStatus status) => status switch
    {
        PublicationStatus.OnTime => "按时公开",
        PublicationStatus.Late => "逾期公开",
        PublicationStatus.DateUnknown => "公开日期不详",
        PublicationStatus.Missing => "未公开",
    };

    public static string Id(this PublicationStatus status) => status switch
    {
        PublicationStatus.OnTime => "on-time",
        PublicationStatus.Late => "late",
        PublicationStatus.DateUnknown => "date-unknown",
        PublicationStatus.Missing => "missing",
    };

    public static string Label(this PublisherKind kind) => kind switch
    {
        PublisherKind.Department => "部门（1月31日前）",
        PublisherKind.Government => "人民政府（3月31日前）",
    };
}
