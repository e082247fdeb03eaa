using Gongkai.Domain.Catalogue;

namespace Gongkai.Core.Catalogue;

/// <summary>A document's catalogue metadata and body as the drafting form gives them.</summary>
public sealed record DocumentInput
{
    /// <summary>The agency, for staff who may draft for several (administrators); others draft for their own.</summary>
    public int? AgencyId { get; init; }
    public string Title { get; init; } = "";
    public DocumentKind Kind { get; init; }
    public Topic Topic { get; init; } = Topic.General;
    public int? CategoryId { get; init; }
    /// <summary>发布机构; empty means the agency's own name.</summary>
    public string? Publisher { get; init; }
    public string? DocumentNumber { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public string? Keywords { get; init; }
    /// <summary>Plain text (a paragraph per line) or the allowed HTML subset.</summary>
    public string? Body { get; init; }
    /// <summary>For a 政策解读: the 索引号 or 文号 of the published document it explains.</summary>
    public string? Interprets { get; init; }
    /// <summary>For a revision: the 索引号 or 文号 of the agency's published document it replaces.</summary>
    public string? Replaces { get; init; }

    public static DocumentInput From(Document d) => new()
    {
        AgencyId = d.AgencyId,
        Title = d.Title,
        Kind = d.Kind,
        Topic = d.Topic,
        CategoryId = d.CategoryId,
        Publisher = d.Publisher,
        DocumentNumber = d.DocumentNumber,
        IssuedOn = d.IssuedOn,
        ValidUntil = d.ValidUntil,
        Keywords = d.Keywords,
        Body = d.BodyHtml,
        Interprets = d.Interprets?.IndexNumber,
        Replaces = d.Replaces?.IndexNumber,
    };
}
