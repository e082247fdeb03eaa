using System.Globalization;
using Gongkai.Domain.Catalogue;

namespace Gongkai.Web.Pages.Catalog;

/// <summary>How catalogue values read on the pages: dates as official documents write them, validity as its label.</summary>
public static class CatalogueText
{
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string LongDate(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>有效性 with its dates: 有效, 失效（2025-06-07）, 废止（2025-09-01）.</summary>
    public static string Validity(Validity validity, DateOnly? validUntil, DateOnly? repealedOn) => validity switch
    {
        Domain.Catalogue.Validity.Valid => validUntil is { } u ? $"有效（有效期至{Date(u)}）" : "有效",
        Domain.Catalogue.Validity.Expired => $"失效（{Date(validUntil?.AddDays(1))}起）",
        Domain.Catalogue.Validity.Repealed => $"废止（{Date(repealedOn)}起）",
    };

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Core.ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
}
