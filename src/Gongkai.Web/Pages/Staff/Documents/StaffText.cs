using System.Globalization;
using Gongkai.Core;
using Gongkai.Domain.Catalogue;

namespace Gongkai.Web.Pages.Staff.Documents;

/// <summary>How the staff pages word statuses, deadlines and times.</summary>
public static class StaffText
{
    public static string Time(DateTime utc) => ChinaTime.FromUtc(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Deadline(PublishDeadline deadline) => deadline.IsOverdue
        ? $"已超期{(deadline.WorkingDays > 0 ? $" {deadline.WorkingDays} 个工作日" : "")}（应于{Catalog.CatalogueText.Date(deadline.Due)}前发布）"
        : $"剩余 {deadline.WorkingDays} 个工作日（{Catalog.CatalogueText.Date(deadline.Due)}前发布）";

    public static string StatusClass(PublishingStatus status) => status switch
    {
        PublishingStatus.Draft => "pub-status-draft",
        PublishingStatus.InReview => "pub-status-review",
        PublishingStatus.Approved => "pub-status-approved",
        PublishingStatus.Published => "pub-status-published",
        PublishingStatus.Withdrawn or PublishingStatus.Discarded => "pub-status-closed",
    };
}
