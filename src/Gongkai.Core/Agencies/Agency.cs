using Gongkai.Domain.Agencies;

namespace Gongkai.Core.Agencies;

/// <summary>行政机关: one node of the hierarchy, with its 政府信息公开工作机构 and its 公开指南.</summary>
public sealed class Agency
{
    public int Id { get; set; }
    public int? ParentId { get; set; }
    public Agency? Parent { get; set; }
    public required string Name { get; set; }
    public AgencyLevel Level { get; set; }
    /// <summary>统一社会信用代码, checked by <see cref="CreditCode"/>; the stem of the agency's 索引号.</summary>
    public required string OrganizationCode { get; set; }
    public int SortOrder { get; set; }

    /// <summary>政府信息公开工作机构 (usually the 办公室 of the agency).</summary>
    public required string OfficeName { get; set; }
    public required string OfficeAddress { get; set; }
    public string? PostalCode { get; set; }
    public required string OfficePhone { get; set; }
    public string? OfficeFax { get; set; }
    public string? OfficeEmail { get; set; }
    public string? OfficeHours { get; set; }

    /// <summary>政府信息公开指南 (Article 22 of the Regulation), plain text in paragraphs.</summary>
    public string Guide { get; set; } = "";
    public DateTime? GuideUpdatedAt { get; set; }
    /// <summary>The 公开指南 as published (PDF, OFD or DOCX), when the agency has one.</summary>
    public Guid? GuideFileId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
