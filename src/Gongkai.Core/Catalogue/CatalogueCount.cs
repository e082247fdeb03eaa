using Gongkai.Domain.Catalogue;

namespace Gongkai.Core.Catalogue;

/// <summary>
/// How many published documents share an agency, category (0 for none), 主题分类 and year. Kept
/// in the same transaction as publishing and withdrawing, so the portal's counts by agency,
/// category, topic and year are a read of a small table, never a count over every document.
/// </summary>
public sealed class CatalogueCount
{
    public int AgencyId { get; set; }
    public int CategoryId { get; set; }
    public Topic Topic { get; set; }
    public int Year { get; set; }
    public int DocumentCount { get; set; }
}
