using Gongkai.Core.Agencies;
using Gongkai.Domain.Catalogue;

namespace Gongkai.Core.Catalogue;

/// <summary>
/// 政府信息 in the proactive catalogue (主动公开目录): its catalogue metadata, a sanitised body and
/// attachments, and where it stands in publishing. The status changes only through the use cases
/// in this folder, which follow <see cref="PublishingWorkflow"/> and record each step.
/// </summary>
public sealed class Document
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public required string Title { get; set; }
    public DocumentKind Kind { get; set; }
    /// <summary>主题分类 (national).</summary>
    public Topic Topic { get; set; }
    /// <summary>The agency's own 公开目录 category.</summary>
    public int? CategoryId { get; set; }
    public CatalogueCategory? Category { get; set; }
    /// <summary>发布机构: the agency's name, or the issuing agencies of a joint document.</summary>
    public required string Publisher { get; set; }
    /// <summary>文号 as printed on the document.</summary>
    public string? DocumentNumber { get; set; }
    /// <summary><see cref="Domain.Catalogue.DocumentNumber.Key"/> of the 文号, for exact lookup.</summary>
    public string? DocumentNumberKey { get; set; }
    /// <summary>索引号, given when the document is published and never reused.</summary>
    public string? IndexNumber { get; set; }
    public string Keywords { get; set; } = "";
    /// <summary>成文日期.</summary>
    public DateOnly? IssuedOn { get; set; }
    public DateTime? PublishedAt { get; set; }
    /// <summary>发布日期: the Beijing day of <see cref="PublishedAt"/>.</summary>
    public DateOnly? PublishedOn { get; set; }
    /// <summary>有效期至: the last day in force, when the document has a term or was replaced.</summary>
    public DateOnly? ValidUntil { get; set; }
    /// <summary>废止日期.</summary>
    public DateOnly? RepealedOn { get; set; }
    /// <summary>Why the validity changed (the repealing decision, the replacing document).</summary>
    public string? ValidityNote { get; set; }
    /// <summary>For a 政策解读: the document it explains.</summary>
    public int? InterpretsId { get; set; }
    public Document? Interprets { get; set; }
    /// <summary>For a revision (修订): the document it replaces, which expires when this is published.</summary>
    public int? ReplacesId { get; set; }
    public Document? Replaces { get; set; }
    public string BodyHtml { get; set; } = "";
    /// <summary>The body as plain text: what search indexes and the 错敏词 check reads.</summary>
    public string BodyText { get; set; } = "";
    public PublishingStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Who last changed the text: the reviewer must be someone else.</summary>
    public Guid? UpdatedBy { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawalReason { get; set; }
    /// <summary>When the document was last saved with any change, stamped by <see cref="Storage.GongkaiDbContext"/>: how <see cref="CatalogueRows"/> finds what changed.</summary>
    public DateTime ChangedAt { get; set; }
    /// <summary>Bumped by every change, so two people acting on the same document cannot both succeed.</summary>
    public int Version { get; set; }
    public List<DocumentAttachment> Attachments { get; } = [];

    public Validity ValidityOn(DateOnly date) => Validities.On(date, ValidUntil, RepealedOn);
}
