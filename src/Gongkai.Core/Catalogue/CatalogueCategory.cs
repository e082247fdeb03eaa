namespace Gongkai.Core.Catalogue;

/// <summary>A category of an agency's own 政府信息公开目录 (机构职能, 规范性文件, 财政信息…).</summary>
public sealed class CatalogueCategory
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
}
